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
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../../auth/src/index.js';
import { CatalogueService, ProductVariant, toVariant } from '../../../catalogue/src/index.js';
import { Money, notFound } from '../../../common/src/index.js';
import { Location, LocationsService, toLocation } from '../../../locations/src/index.js';
import { Staff, StaffService } from '../../../staff/src/index.js';
import { CartFulfillment, CartLine, CartLineCost } from '../models/cart.model.js';
let CartLineResolver = class CartLineResolver {
    catalogue;
    staff;
    constructor(catalogue, staff) {
        this.catalogue = catalogue;
        this.staff = staff;
    }
    async variant(line, ctx) {
        const v = await this.catalogue.loadVariant(ctx, line.variantId);
        if (!v)
            throw notFound('Variant');
        return toVariant(v);
    }
    async cost(line, ctx) {
        const v = await this.catalogue.loadVariant(ctx, line.variantId);
        if (!v)
            throw notFound('Variant');
        return { unitPrice: Money.of(v.priceAmount, v.priceCurrency), subtotal: Money.of(v.priceAmount * line.quantity, v.priceCurrency) };
    }
    async addedBy(line, ctx) {
        if (!line.addedByStaffId || ctx.caller.kind !== 'staff')
            return null;
        const s = await this.staff.load(ctx, line.addedByStaffId);
        return s && Staff.from(s);
    }
};
__decorate([
    ResolveField(() => ProductVariant),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CartLine, Object]),
    __metadata("design:returntype", Promise)
], CartLineResolver.prototype, "variant", null);
__decorate([
    ResolveField(() => CartLineCost),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CartLine, Object]),
    __metadata("design:returntype", Promise)
], CartLineResolver.prototype, "cost", null);
__decorate([
    ResolveField(() => Staff, { nullable: true, description: 'The staff member who added the line, when staff did.' }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CartLine, Object]),
    __metadata("design:returntype", Promise)
], CartLineResolver.prototype, "addedBy", null);
CartLineResolver = __decorate([
    Resolver(() => CartLine),
    __metadata("design:paramtypes", [CatalogueService,
        StaffService])
], CartLineResolver);
export { CartLineResolver };
let CartFulfillmentResolver = class CartFulfillmentResolver {
    locations;
    constructor(locations) {
        this.locations = locations;
    }
    async location(f, ctx) {
        if (!f.locationId)
            return null;
        const l = await this.locations.load(ctx, f.locationId);
        return l && toLocation(l);
    }
};
__decorate([
    ResolveField(() => Location, { nullable: true }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CartFulfillment, Object]),
    __metadata("design:returntype", Promise)
], CartFulfillmentResolver.prototype, "location", null);
CartFulfillmentResolver = __decorate([
    Resolver(() => CartFulfillment),
    __metadata("design:paramtypes", [LocationsService])
], CartFulfillmentResolver);
export { CartFulfillmentResolver };
//# sourceMappingURL=cart-line.resolver.js.map