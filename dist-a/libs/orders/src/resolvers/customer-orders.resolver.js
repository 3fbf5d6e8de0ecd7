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
import { Field, GraphQLISODateTime, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, SalesChannel } from '../../../auth/src/index.js';
import { assertMayUseCart } from '../../../cart/src/index.js';
import { Money } from '../../../common/src/index.js';
import { Customer } from '../../../customers/src/index.js';
import { Order } from '../models/order.model.js';
import { OrderQueries } from '../services/order-queries.service.js';
let CustomerStats = class CustomerStats {
    orders;
    totalSpent;
    averageBasket;
    preferredChannel;
    lastPurchaseAt;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], CustomerStats.prototype, "orders", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], CustomerStats.prototype, "totalSpent", void 0);
__decorate([
    Field(() => Money, { nullable: true }),
    __metadata("design:type", Object)
], CustomerStats.prototype, "averageBasket", void 0);
__decorate([
    Field(() => SalesChannel, { nullable: true, description: 'Where most of their orders were placed (the latest wins a tie).' }),
    __metadata("design:type", Object)
], CustomerStats.prototype, "preferredChannel", void 0);
__decorate([
    Field(() => GraphQLISODateTime, { nullable: true }),
    __metadata("design:type", Object)
], CustomerStats.prototype, "lastPurchaseAt", void 0);
CustomerStats = __decorate([
    ObjectType({ description: 'A customer\'s figures across every channel; cancelled orders do not count.' })
], CustomerStats);
export { CustomerStats };
let CustomerOrdersResolver = class CustomerOrdersResolver {
    queries;
    constructor(queries) {
        this.queries = queries;
    }
    async orders(customer, ctx) {
        assertMayUseCart(ctx.caller, { customerId: customer.id }); // the customer themselves, or staff
        return (await this.queries.forCustomer(customer.id)).map((o) => Order.from(o));
    }
    async stats(customer, ctx) {
        assertMayUseCart(ctx.caller, { customerId: customer.id });
        const s = await this.queries.statsOf(customer.id);
        return {
            orders: s.orders, totalSpent: Money.of(s.totalSpent, s.currency), lastPurchaseAt: s.lastPurchaseAt, preferredChannel: s.preferredChannel,
            averageBasket: s.orders ? Money.of(Math.round(s.totalSpent / s.orders), s.currency) : null,
        };
    }
};
__decorate([
    ResolveField(() => [Order], { description: 'Orders from every channel (web, app, store), newest first.' }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Customer, Object]),
    __metadata("design:returntype", Promise)
], CustomerOrdersResolver.prototype, "orders", null);
__decorate([
    ResolveField(() => CustomerStats),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Customer, Object]),
    __metadata("design:returntype", Promise)
], CustomerOrdersResolver.prototype, "stats", null);
CustomerOrdersResolver = __decorate([
    Resolver(() => Customer),
    __metadata("design:paramtypes", [OrderQueries])
], CustomerOrdersResolver);
export { CustomerOrdersResolver };
//# sourceMappingURL=customer-orders.resolver.js.map