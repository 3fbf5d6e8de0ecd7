var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Args, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, StaffOnly, StaffRole } from '../../../auth/src/index.js';
import { DirectField, payload, selects } from '../../../common/src/index.js';
import { ProductCreateInput } from '../dto/product-create.input.js';
import { ProductFilter } from '../dto/product-filter.input.js';
import { toProduct, toVariant } from '../models/catalogue.mapper.js';
import { Product, ProductConnection, ProductVariant } from '../models/product.model.js';
import { ProductPayload } from '../models/product.payload.js';
import { CatalogueService } from '../services/catalogue.service.js';
import { ProductSearchService } from '../services/product-search.service.js';
let ProductsResolver = class ProductsResolver {
    catalogue;
    search;
    constructor(catalogue, search) {
        this.catalogue = catalogue;
        this.search = search;
    }
    async products(first, after, filter, ctx, info) {
        // What the query asks for comes in the page's one statement rather than in round trips of its own.
        const variants = selects(info, 'edges', 'node', 'variants');
        const page = await this.search.search(first, after ?? undefined, filter ?? {}, { totalCount: selects(info, 'totalCount'), variants });
        if (variants)
            for (const r of page.rows)
                this.catalogue.primeVariants(ctx, r.product.id, r.variants ?? []);
        return {
            totalCount: page.totalCount ?? 0, // not asked for when null: never sent
            pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
            edges: page.rows.map((r) => ({ cursor: r.cursor, node: toProduct(r.product) })),
        };
    }
    async product(slug, ctx, info) {
        const p = await this.catalogue.findBySlug(slug, selects(info, 'variants') ? { ctx } : undefined);
        return p && toProduct(p);
    }
    async variants(product, ctx) {
        return (await this.catalogue.loadVariants(ctx, product.id)).map(toVariant);
    }
    productCreate(input) {
        return payload('product', async () => toProduct(await this.catalogue.create(input)));
    }
};
__decorate([
    Query(() => ProductConnection, { description: 'The catalogue, by name, a page at a time (first: 1 to 100).' }),
    __param(0, Args('first', { type: () => Int })),
    __param(1, Args('after', { type: () => String, nullable: true })),
    __param(2, Args('filter', { type: () => ProductFilter, nullable: true })),
    __param(3, Ctx()),
    __param(4, Info()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Number, Object, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], ProductsResolver.prototype, "products", null);
__decorate([
    Query(() => Product, { nullable: true }),
    __param(0, Args('slug', { type: () => String })),
    __param(1, Ctx()),
    __param(2, Info()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", Promise)
], ProductsResolver.prototype, "product", null);
__decorate([
    ResolveField(() => [ProductVariant], { description: 'In the order they were created.' }),
    DirectField('Product'),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Product, Object]),
    __metadata("design:returntype", Promise)
], ProductsResolver.prototype, "variants", null);
__decorate([
    Mutation(() => ProductPayload),
    StaffOnly(StaffRole.ADMIN),
    __param(0, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ProductCreateInput]),
    __metadata("design:returntype", Promise)
], ProductsResolver.prototype, "productCreate", null);
ProductsResolver = __decorate([
    Resolver(() => Product),
    __metadata("design:paramtypes", [CatalogueService,
        ProductSearchService])
], ProductsResolver);
export { ProductsResolver };
//# sourceMappingURL=products.resolver.js.map