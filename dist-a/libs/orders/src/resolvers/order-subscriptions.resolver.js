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
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Ctx, requireActsAt, StaffOnly } from '../../../auth/src/index.js';
import { EventBus, notFound, TransactionHost } from '../../../common/src/index.js';
import { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import { OrderEntity } from '../entities/order.entity.js';
import { Fulfillment, Order } from '../models/order.model.js';
import { orderChannel, pickupQueueChannel } from '../services/order-events.js';
import { OrderQueries } from '../services/order-queries.service.js';
const same = (value) => value;
/** Live order status for its customer and the staff of its locations, and a store's live pickup queue. */
let OrderSubscriptionsResolver = class OrderSubscriptionsResolver {
    events;
    queries;
    tx;
    constructor(events, queries, tx) {
        this.events = events;
        this.queries = queries;
        this.tx = tx;
    }
    async orderUpdated(ctx, id) {
        const order = await this.queries.get(ctx, id); // the same access rules as the order query
        if (!order)
            throw notFound('Order');
        return this.events.listen(orderChannel(order.id), async () => {
            ctx.loaders.clear(); // one context lives as long as the subscription: each event reads afresh
            const fresh = await this.tx.manager.getRepository(OrderEntity).findOneBy({ id: order.id });
            return fresh && Order.from(fresh);
        });
    }
    async pickupQueueChanged(ctx, locationId) {
        requireActsAt(ctx.caller, locationId);
        return this.events.listen(pickupQueueChannel(locationId), async (e) => {
            ctx.loaders.clear();
            const f = await this.tx.manager.getRepository(FulfillmentEntity).findOneBy({ id: e.fulfillmentId });
            return f && Fulfillment.from(f);
        });
    }
};
__decorate([
    Subscription(() => Order, { description: 'The order each time it changes (placed, prepared, shipped, collected, expired, cancelled).', resolve: same }),
    __param(0, Ctx()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], OrderSubscriptionsResolver.prototype, "orderUpdated", null);
__decorate([
    Subscription(() => Fulfillment, { description: 'Staff: each pickup of this store that arrives, changes or leaves the queue.', resolve: same }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('locationId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], OrderSubscriptionsResolver.prototype, "pickupQueueChanged", null);
OrderSubscriptionsResolver = __decorate([
    Resolver(() => Order),
    __metadata("design:paramtypes", [EventBus,
        OrderQueries,
        TransactionHost])
], OrderSubscriptionsResolver);
export { OrderSubscriptionsResolver };
//# sourceMappingURL=order-subscriptions.resolver.js.map