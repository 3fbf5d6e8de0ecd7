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
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../../auth/src/index.js';
import { payload, validateEach } from '../../../common/src/index.js';
import { CartLineInput, CartLineUpdateInput } from '../dto/cart.inputs.js';
import { toCart } from '../models/cart.mapper.js';
import { Cart, CartPayload } from '../models/cart.model.js';
import { CartsService } from '../services/carts.service.js';
let CartResolver = class CartResolver {
    carts;
    constructor(carts) {
        this.carts = carts;
    }
    async cart(ctx, id) {
        const view = await this.carts.read(ctx, id);
        return view && toCart(view);
    }
    cartCreate(ctx) {
        return payload('cart', async () => toCart(await this.carts.create(ctx)));
    }
    cartLinesAdd(ctx, cartId, lines) {
        return payload('cart', async () => toCart(await this.carts.addLines(ctx, cartId, lines)));
    }
    cartLinesUpdate(ctx, cartId, lines) {
        return payload('cart', async () => toCart(await this.carts.updateLines(ctx, cartId, lines)));
    }
    cartLinesRemove(ctx, cartId, lineIds) {
        return payload('cart', async () => toCart(await this.carts.removeLines(ctx, cartId, lineIds)));
    }
    cartDiscountCodesUpdate(ctx, cartId, codes) {
        return payload('cart', async () => toCart(await this.carts.setDiscountCodes(ctx, cartId, codes)));
    }
};
__decorate([
    Query(() => Cart, { nullable: true, description: 'A cart by id: a guest cart for whoever holds the id; a customer cart for that customer and staff.' }),
    __param(0, Ctx()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CartResolver.prototype, "cart", null);
__decorate([
    Mutation(() => CartPayload, { description: 'A new guest cart (a signed-in customer gets their active cart).' }),
    __param(0, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], CartResolver.prototype, "cartCreate", null);
__decorate([
    Mutation(() => CartPayload, { description: 'Adds lines; the same variant with the same fulfilment adds to its line.' }),
    __param(0, Ctx()),
    __param(1, Args('cartId', { type: () => ID })),
    __param(2, Args('lines', { type: () => [CartLineInput] }, validateEach(CartLineInput))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Array]),
    __metadata("design:returntype", Promise)
], CartResolver.prototype, "cartLinesAdd", null);
__decorate([
    Mutation(() => CartPayload, { description: 'Sets line quantities (use cartLinesRemove to remove a line).' }),
    __param(0, Ctx()),
    __param(1, Args('cartId', { type: () => ID })),
    __param(2, Args('lines', { type: () => [CartLineUpdateInput] }, validateEach(CartLineUpdateInput))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Array]),
    __metadata("design:returntype", Promise)
], CartResolver.prototype, "cartLinesUpdate", null);
__decorate([
    Mutation(() => CartPayload),
    __param(0, Ctx()),
    __param(1, Args('cartId', { type: () => ID })),
    __param(2, Args('lineIds', { type: () => [ID] })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Array]),
    __metadata("design:returntype", Promise)
], CartResolver.prototype, "cartLinesRemove", null);
__decorate([
    Mutation(() => CartPayload, { description: 'Replaces the cart\'s discount codes (case-insensitive); [] removes them all.' }),
    __param(0, Ctx()),
    __param(1, Args('cartId', { type: () => ID })),
    __param(2, Args('codes', { type: () => [String] })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Array]),
    __metadata("design:returntype", Promise)
], CartResolver.prototype, "cartDiscountCodesUpdate", null);
CartResolver = __decorate([
    Resolver(() => Cart),
    __metadata("design:paramtypes", [CartsService])
], CartResolver);
export { CartResolver };
//# sourceMappingURL=cart.resolver.js.map