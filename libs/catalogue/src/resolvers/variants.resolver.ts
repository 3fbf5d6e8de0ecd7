import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, requireStaff, StaffOnly, StaffRole } from '@app/auth';
import { notFound, payload } from '@app/common';
import { VariantUpdateInput } from '../dto/product-update.input.js';
import { toProduct, toVariant } from '../models/catalogue.mapper.js';
import { Product, ProductVariant } from '../models/product.model.js';
import { VariantPayload } from '../models/product.payload.js';
import { CatalogueService } from '../services/catalogue.service.js';
import { VariantChanges } from '../services/variant-changes.service.js';

@Resolver(() => ProductVariant)
export class VariantsResolver {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly changes: VariantChanges,
  ) {}

  @Query(() => ProductVariant, { nullable: true, description: 'A variant by SKU, archived or not (`archived`).' })
  async variant(@Args('sku', { type: () => String }) sku: string): Promise<ProductVariant | null> {
    const v = await this.catalogue.findVariantBySku(sku);
    return v && toVariant(v);
  }

  @Query(() => ProductVariant, {
    nullable: true,
    description: 'A variant by its EAN/UPC barcode (what a scanner at the till or on the tablet reads), archived or not.',
  })
  async variantByBarcode(@Args('barcode', { type: () => String }) barcode: string): Promise<ProductVariant | null> {
    const v = await this.catalogue.findVariantByBarcode(barcode);
    return v && toVariant(v);
  }

  @ResolveField(() => Product)
  async product(@Parent() variant: ProductVariant, @Ctx() ctx: RequestContext): Promise<Product> {
    const p = await this.catalogue.loadProduct(ctx, variant.productId);
    if (!p) throw notFound('Product');
    return toProduct(p);
  }

  @Mutation(() => VariantPayload, {
    description: 'Admins: a price (open carts show it at once, placed orders keep theirs), a barcode, or the size off sale or back.',
  })
  @StaffOnly(StaffRole.ADMIN)
  variantUpdate(@Args('input') input: VariantUpdateInput, @Ctx() ctx: RequestContext): Promise<VariantPayload> {
    return payload('variant', async () => toVariant(await this.changes.update(input, requireStaff(ctx.caller).staffId)));
  }
}
