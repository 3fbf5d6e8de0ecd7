import { Args, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, type RequestContext, StaffOnly, StaffRole } from '@app/auth';
import { DirectField, payload, selects } from '@app/common';
import { ProductCreateInput } from '../dto/product-create.input.js';
import { ProductFilter } from '../dto/product-filter.input.js';
import { toProduct, toVariant } from '../models/catalogue.mapper.js';
import { Product, ProductConnection, ProductVariant } from '../models/product.model.js';
import { ProductPayload } from '../models/product.payload.js';
import { CatalogueService } from '../services/catalogue.service.js';
import { ProductSearchService } from '../services/product-search.service.js';

@Resolver(() => Product)
export class ProductsResolver {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly search: ProductSearchService,
  ) {}

  @Query(() => ProductConnection, { description: 'The catalogue, by name, a page at a time (first: 1 to 100).' })
  async products(
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Args('filter', { type: () => ProductFilter, nullable: true }) filter: ProductFilter | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProductConnection> {
    // What the query asks for comes in the page's one statement rather than in round trips of its own.
    const variants = selects(info, 'edges', 'node', 'variants');
    const available = variants && selects(info, 'edges', 'node', 'variants', 'availableOnline');
    const page = await this.search.search(first, after ?? undefined, filter ?? {}, {
      totalCount: selects(info, 'totalCount'),
      variants,
      available,
    });
    if (variants) for (const r of page.rows) this.catalogue.primeVariants(ctx, r.product.id, r.variants ?? []);
    return {
      totalCount: page.totalCount ?? 0, // not asked for when null: never sent
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: toProduct(r.product) })),
    };
  }

  @Query(() => Product, { nullable: true })
  async product(
    @Args('slug', { type: () => String }) slug: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Product | null> {
    const p = await this.catalogue.findBySlug(
      slug,
      selects(info, 'variants') ? { ctx, available: selects(info, 'variants', 'availableOnline') } : undefined,
    );
    return p && toProduct(p);
  }

  @ResolveField(() => [ProductVariant], { description: 'In the order they were created.' })
  @DirectField('Product')
  async variants(@Parent() product: Product, @Ctx() ctx: RequestContext): Promise<ProductVariant[]> {
    return (await this.catalogue.loadVariants(ctx, product.id)).map(toVariant);
  }

  @Mutation(() => ProductPayload)
  @StaffOnly(StaffRole.ADMIN)
  productCreate(@Args('input') input: ProductCreateInput): Promise<ProductPayload> {
    return payload('product', async () => toProduct(await this.catalogue.create(input)));
  }
}
