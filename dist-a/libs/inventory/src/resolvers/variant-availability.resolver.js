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
import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../../auth/src/index.js';
import { DirectField } from '../../../common/src/index.js';
import { ProductVariant } from '../../../catalogue/src/index.js';
import { StockQueryService } from '../services/stock-query.service.js';
/** Adds stock fields to the catalogue's variant type, so the catalogue need not know about stock. */
let VariantAvailabilityResolver = class VariantAvailabilityResolver {
    query;
    constructor(query) {
        this.query = query;
    }
    availableOnline(variant, ctx) {
        return this.query.availableOnline(ctx, variant.id);
    }
};
__decorate([
    ResolveField(() => Int, { description: 'Units that can be shipped to a home now, across all locations.' }),
    DirectField('ProductVariant'),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ProductVariant, Object]),
    __metadata("design:returntype", Object)
], VariantAvailabilityResolver.prototype, "availableOnline", null);
VariantAvailabilityResolver = __decorate([
    Resolver(() => ProductVariant),
    __metadata("design:paramtypes", [StockQueryService])
], VariantAvailabilityResolver);
export { VariantAvailabilityResolver };
//# sourceMappingURL=variant-availability.resolver.js.map