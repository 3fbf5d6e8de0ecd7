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
import { Money } from '../../../common/src/index.js';
import { Cart, CartCost, CartDiscount } from '../models/cart.model.js';
import { CartPricingService } from '../services/cart-pricing.service.js';
/** A cart's money, priced now for the channel asking (codes can be channel-specific). */
let CartFieldsResolver = class CartFieldsResolver {
    pricing;
    constructor(pricing) {
        this.pricing = pricing;
    }
    async cost(cart, ctx) {
        const p = await this.pricing.price(ctx, cart.view, ctx.channel);
        return { subtotal: Money.of(p.subtotal, p.currency), discount: Money.of(p.discount, p.currency), total: Money.of(p.total, p.currency) };
    }
    async discounts(cart, ctx) {
        const p = await this.pricing.price(ctx, cart.view, ctx.channel);
        return p.discounts.map((d) => ({
            code: d.promotion.code, amount: Money.of(d.amount, p.currency), applicable: !d.refusal, reasonCode: d.refusal?.code ?? null, reason: d.refusal?.message ?? null,
        }));
    }
};
__decorate([
    ResolveField(() => CartCost),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Cart, Object]),
    __metadata("design:returntype", Promise)
], CartFieldsResolver.prototype, "cost", null);
__decorate([
    ResolveField(() => [CartDiscount]),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Cart, Object]),
    __metadata("design:returntype", Promise)
], CartFieldsResolver.prototype, "discounts", null);
CartFieldsResolver = __decorate([
    Resolver(() => Cart),
    __metadata("design:paramtypes", [CartPricingService])
], CartFieldsResolver);
export { CartFieldsResolver };
//# sourceMappingURL=cart-fields.resolver.js.map