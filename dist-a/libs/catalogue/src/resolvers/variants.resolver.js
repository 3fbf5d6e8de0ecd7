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
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../../auth/src/index.js';
import { notFound } from '../../../common/src/index.js';
import { toProduct, toVariant } from '../models/catalogue.mapper.js';
import { Product, ProductVariant } from '../models/product.model.js';
import { CatalogueService } from '../services/catalogue.service.js';
let VariantsResolver = class VariantsResolver {
    catalogue;
    constructor(catalogue) {
        this.catalogue = catalogue;
    }
    async variant(sku) {
        const v = await this.catalogue.findVariantBySku(sku);
        return v && toVariant(v);
    }
    async product(variant, ctx) {
        const p = await this.catalogue.loadProduct(ctx, variant.productId);
        if (!p)
            throw notFound('Product');
        return toProduct(p);
    }
};
__decorate([
    Query(() => ProductVariant, { nullable: true }),
    __param(0, Args('sku', { type: () => String })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], VariantsResolver.prototype, "variant", null);
__decorate([
    ResolveField(() => Product),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ProductVariant, Object]),
    __metadata("design:returntype", Promise)
], VariantsResolver.prototype, "product", null);
VariantsResolver = __decorate([
    Resolver(() => ProductVariant),
    __metadata("design:paramtypes", [CatalogueService])
], VariantsResolver);
export { VariantsResolver };
//# sourceMappingURL=variants.resolver.js.map