import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { notFound } from '@app/common';
import { toProduct, toVariant } from '../models/catalogue.mapper.js';
import { Product, ProductVariant } from '../models/product.model.js';
import { CatalogueService } from '../services/catalogue.service.js';

@Resolver(() => ProductVariant)
export class VariantsResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Query(() => ProductVariant, { nullable: true })
  async variant(@Args('sku', { type: () => String }) sku: string): Promise<ProductVariant | null> {
    const v = await this.catalogue.findVariantBySku(sku);
    return v && toVariant(v);
  }

  @ResolveField(() => Product)
  async product(@Parent() variant: ProductVariant, @Ctx() ctx: RequestContext): Promise<Product> {
    const p = await this.catalogue.loadProduct(ctx, variant.productId);
    if (!p) throw notFound('Product');
    return toProduct(p);
  }
}
