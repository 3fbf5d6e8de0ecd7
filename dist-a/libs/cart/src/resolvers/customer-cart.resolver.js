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
import { Customer } from '../../../customers/src/index.js';
import { toCart } from '../models/cart.mapper.js';
import { Cart } from '../models/cart.model.js';
import { assertMayUseCart } from '../services/cart-access.js';
import { CartsService } from '../services/carts.service.js';
let CustomerCartResolver = class CustomerCartResolver {
    carts;
    constructor(carts) {
        this.carts = carts;
    }
    async cart(customer, ctx) {
        assertMayUseCart(ctx.caller, { customerId: customer.id });
        const cart = await this.carts.activeCartOf(customer.id, ctx.channel);
        return toCart((await this.carts.view(cart.id)));
    }
};
__decorate([
    ResolveField(() => Cart, { description: 'The customer\'s one active cart, the same on every channel (created on first use).' }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Customer, Object]),
    __metadata("design:returntype", Promise)
], CustomerCartResolver.prototype, "cart", null);
CustomerCartResolver = __decorate([
    Resolver(() => Customer),
    __metadata("design:paramtypes", [CartsService])
], CustomerCartResolver);
export { CustomerCartResolver };
//# sourceMappingURL=customer-cart.resolver.js.map