import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, type RequestContext, requireStaff, StaffOnly, StaffRole } from '@app/auth';
import { DirectField, payload, selects, validateEach } from '@app/common';
import { ProductCreateInput, VariantInput } from '../dto/product-create.input.js';
import { ProductFilterCheck } from '../dto/product-filter.check.js';
import { ProductFilter, ProductSort } from '../dto/product-filter.input.js';
import { ProductUpdateInput } from '../dto/product-update.input.js';
import { toProduct, toVariant } from '../models/catalogue.mapper.js';
import { Category, Product, ProductConnection, ProductVariant } from '../models/product.model.js';
import { ProductPayload } from '../models/product.payload.js';
import { CatalogueService } from '../services/catalogue.service.js';
import { ProductChanges } from '../services/product-changes.service.js';
import { ProductSearchService } from '../services/product-search.service.js';
import { VariantChanges } from '../services/variant-changes.service.js';

@Resolver(() => Product)
export class ProductsResolver {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly search: ProductSearchService,
    private readonly changes: ProductChanges,
    private readonly variantChanges: VariantChanges,
  ) {}

  @Query(() => ProductConnection, {
    description: 'The catalogue on sale, a page at a time (first: 1 to 100), by name unless `sort` says otherwise.',
  })
  async products(
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    // Checked by hand (ProductFilterCheck), not by the global validation pipe: see ProductFilter.
    @Args('filter', { type: () => ProductFilter, nullable: true }, ProductFilterCheck) filter: ProductFilter | undefined,
    @Args('sort', { type: () => ProductSort, nullable: true }) sort: ProductSort | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProductConnection> {
    // What the query asks for comes in the page's one statement rather than in round trips of its own.
    const variants = selects(info, 'edges', 'node', 'variants');
    const available = variants && selects(info, 'edges', 'node', 'variants', 'availableOnline');
    const page = await this.search.search(
      first,
      after ?? undefined,
      filter, // absent: undefined, which search takes as no filter
      { totalCount: selects(info, 'totalCount'), variants, available },
      sort ?? undefined,
    );
    if (variants) for (const r of page.rows) this.catalogue.primeVariants(ctx, r.product.id, r.variants ?? []);
    return {
      totalCount: page.totalCount ?? 0, // not asked for when null: never sent
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: toProduct(r.product) })),
    };
  }

  @Query(() => Product, { nullable: true, description: 'A product page by its slug, archived products included (`archived`).' })
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

  @Query(() => Product, { nullable: true, description: 'A product by id, archived or not.' })
  async productById(@Args('id', { type: () => ID }) id: string): Promise<Product | null> {
    const p = await this.catalogue.findById(id);
    return p && toProduct(p);
  }

  @Query(() => [Category], { description: 'The categories that have products on sale, by name.' })
  categories(): Promise<Category[]> {
    return this.search.categories();
  }

  @ResolveField(() => [ProductVariant], { description: 'Its sizes on sale, in the order they were created.' })
  @DirectField('Product')
  async variants(@Parent() product: Product, @Ctx() ctx: RequestContext): Promise<ProductVariant[]> {
    return (await this.catalogue.loadVariants(ctx, product.id)).map(toVariant);
  }

  @ResolveField(() => [ProductVariant], { description: 'Every size, archived ones included (`archived`), in creation order.' })
  async allVariants(@Parent() product: Product): Promise<ProductVariant[]> {
    return (await this.catalogue.allVariants(product.id)).map(toVariant);
  }

  @Mutation(() => ProductPayload)
  @StaffOnly(StaffRole.ADMIN)
  productCreate(@Args('input') input: ProductCreateInput, @Ctx() ctx: RequestContext): Promise<ProductPayload> {
    return payload('product', async () => toProduct(await this.changes.create(input, requireStaff(ctx.caller).staffId)));
  }

  @Mutation(() => ProductPayload, { description: 'Admins: changes the fields given; open carts and listings show them at once.' })
  @StaffOnly(StaffRole.ADMIN)
  productUpdate(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ProductUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductPayload> {
    return payload('product', async () => toProduct(await this.changes.update(id, input, requireStaff(ctx.caller).staffId)));
  }

  @Mutation(() => ProductPayload, {
    description: 'Admins: takes the product off sale: out of listings, search and storesNear; carts cannot take it (PRODUCT_UNAVAILABLE).',
  })
  @StaffOnly(StaffRole.ADMIN)
  productArchive(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<ProductPayload> {
    return payload('product', async () => toProduct(await this.changes.setArchived(id, true, requireStaff(ctx.caller).staffId)));
  }

  @Mutation(() => ProductPayload, { description: 'Admins: puts an archived product back on sale.' })
  @StaffOnly(StaffRole.ADMIN)
  productUnarchive(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<ProductPayload> {
    return payload('product', async () => toProduct(await this.changes.setArchived(id, false, requireStaff(ctx.caller).staffId)));
  }

  @Mutation(() => ProductPayload, { description: 'Admins: new sizes for a product; they come after the others.' })
  @StaffOnly(StaffRole.ADMIN)
  variantsAdd(
    @Args('productId', { type: () => ID }) productId: string,
    @Args('variants', { type: () => [VariantInput] }, validateEach(VariantInput)) variants: VariantInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<ProductPayload> {
    return payload('product', async () => toProduct(await this.variantChanges.add(productId, variants, requireStaff(ctx.caller).staffId)));
  }
}
