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
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Ctx, isCustomer, StaffOnly } from '../../../auth/src/index.js';
import { badInput } from '../../../common/src/index.js';
import { Customer } from '../models/customer.model.js';
import { CustomersService } from '../services/customers.service.js';
let CustomersResolver = class CustomersResolver {
    customers;
    constructor(customers) {
        this.customers = customers;
    }
    async me(ctx) {
        if (!isCustomer(ctx.caller))
            return null;
        const c = await this.customers.find(ctx.caller.customerId);
        return c && Customer.from(c);
    }
    async customerLookup(ctx, query) {
        if (query.length > 254)
            throw badInput('query is at most 254 characters', ['query']);
        return (await this.customers.lookup(ctx.caller, query)).map(Customer.from);
    }
    async customer(id) {
        const c = await this.customers.find(id);
        return c && Customer.from(c);
    }
};
__decorate([
    Query(() => Customer, { nullable: true, description: 'The signed-in customer; null for guests and staff.' }),
    __param(0, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], CustomersResolver.prototype, "me", null);
__decorate([
    Query(() => [Customer], { description: 'Staff: customers with exactly this email or phone number.' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('query', { type: () => String })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CustomersResolver.prototype, "customerLookup", null);
__decorate([
    Query(() => Customer, { nullable: true, description: 'Staff: one customer, to serve them in store.' }),
    StaffOnly(),
    __param(0, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], CustomersResolver.prototype, "customer", null);
CustomersResolver = __decorate([
    Resolver(() => Customer),
    __metadata("design:paramtypes", [CustomersService])
], CustomersResolver);
export { CustomersResolver };
//# sourceMappingURL=customers.resolver.js.map