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
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, LoginRateLimited } from '../../../auth/src/index.js';
import { payload } from '../../../common/src/index.js';
import { AuthPayload, Customer, CustomersService, LoginInput, RegisterInput } from '../../../customers/src/index.js';
import { CartMergeService } from '../services/cart-merge.service.js';
/**
 * Sign-up and sign-in for customers. They live beside the cart because both bring the shopper's guest
 * cart into the account (`cartId`), which is how a cart started as a guest survives signing in.
 */
let CustomerSessionResolver = class CustomerSessionResolver {
    customers;
    merge;
    constructor(customers, merge) {
        this.customers = customers;
        this.merge = merge;
    }
    async register(ctx, input) {
        const p = await payload('customer', async () => {
            const customer = await this.customers.register(input, ctx.channel);
            if (input.cartId)
                await this.merge.merge(input.cartId, customer.id);
            return customer;
        });
        return { token: p.customer ? await this.customers.token(p.customer) : null, customer: p.customer && Customer.from(p.customer), userErrors: p.userErrors };
    }
    async login(input) {
        const p = await payload('customer', async () => {
            const customer = await this.customers.authenticate(input);
            if (input.cartId)
                await this.merge.merge(input.cartId, customer.id);
            return customer;
        });
        return { token: p.customer ? await this.customers.token(p.customer) : null, customer: p.customer && Customer.from(p.customer), userErrors: p.userErrors };
    }
};
__decorate([
    Mutation(() => AuthPayload, { description: 'Creates a customer account and signs it in (DUPLICATE if the email is taken). Rate limited like login.' }),
    LoginRateLimited(),
    __param(0, Ctx()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, RegisterInput]),
    __metadata("design:returntype", Promise)
], CustomerSessionResolver.prototype, "register", null);
__decorate([
    Mutation(() => AuthPayload, { description: 'Signs a customer in, merging the guest cart `cartId` into theirs. Rate limited (RATE_LIMITED).' }),
    LoginRateLimited(),
    __param(0, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [LoginInput]),
    __metadata("design:returntype", Promise)
], CustomerSessionResolver.prototype, "login", null);
CustomerSessionResolver = __decorate([
    Resolver(() => Customer),
    __metadata("design:paramtypes", [CustomersService,
        CartMergeService])
], CustomerSessionResolver);
export { CustomerSessionResolver };
//# sourceMappingURL=customer-session.resolver.js.map