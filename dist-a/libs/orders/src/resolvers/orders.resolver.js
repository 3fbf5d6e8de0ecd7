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
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../../auth/src/index.js';
import { payload } from '../../../common/src/index.js';
import { Location, LocationsService, toLocation } from '../../../locations/src/index.js';
import { Notification, NotificationOutbox } from '../../../notifications/src/index.js';
import { Staff, StaffService } from '../../../staff/src/index.js';
import { Money } from '../../../common/src/index.js';
import { CheckoutInput } from '../dto/checkout.input.js';
import { Fulfillment, Order, OrderLine, OrderPayload } from '../models/order.model.js';
import { CheckoutService } from '../services/checkout.service.js';
import { FulfillmentTransitions } from '../services/fulfillment-transitions.service.js';
import { OrderQueries } from '../services/order-queries.service.js';
let OrdersResolver = class OrdersResolver {
    checkoutService;
    transitions;
    queries;
    locations;
    staff;
    outbox;
    constructor(checkoutService, transitions, queries, locations, staff, outbox) {
        this.checkoutService = checkoutService;
        this.transitions = transitions;
        this.queries = queries;
        this.locations = locations;
        this.staff = staff;
        this.outbox = outbox;
    }
    checkout(ctx, input) {
        return payload('order', async () => {
            const placed = await this.checkoutService.checkout(ctx, input);
            return Order.from(placed.order, ctx.caller.kind === 'staff' ? null : placed.pickupCodes);
        });
    }
    orderCancel(ctx, id) {
        return payload('order', async () => Order.from(await this.transitions.cancelOrder(ctx, id)));
    }
    async order(ctx, id) {
        const o = await this.queries.get(ctx, id);
        return o && Order.from(o);
    }
    async fulfillments(order, ctx) {
        return (await this.queries.fulfillmentsOf(ctx, order.id)).map((f) => Fulfillment.from(f, order.pickupCodes?.get(f.id)));
    }
    async lines(order, ctx) {
        return (await this.queries.linesOfOrder(ctx, order.id)).map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: Money.of(l.unitPrice, order.entity.currency), variantId: l.variantId }));
    }
    async notifications(order, ctx) {
        return (await this.outbox.forOrder(ctx, order.id)).map(Notification.from);
    }
    async attributedLocation(order, ctx) {
        const id = order.entity.attributedLocationId;
        const l = id ? await this.locations.load(ctx, id) : null;
        return l && toLocation(l);
    }
    async placedBy(order, ctx) {
        const id = order.entity.placedByStaffId;
        const s = id ? await this.staff.load(ctx, id) : null;
        return s && Staff.from(s);
    }
};
__decorate([
    Mutation(() => OrderPayload, { description: 'Turns a cart into an order, all or nothing (OUT_OF_STOCK holds nothing). Idempotent per idempotencyKey.' }),
    __param(0, Ctx()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, CheckoutInput]),
    __metadata("design:returntype", Promise)
], OrdersResolver.prototype, "checkout", null);
__decorate([
    Mutation(() => OrderPayload, { description: 'Cancels an order whose goods have not left, releasing what was held (INVALID_STATE otherwise).' }),
    __param(0, Ctx()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], OrdersResolver.prototype, "orderCancel", null);
__decorate([
    Query(() => Order, { nullable: true, description: 'An order, for its customer and the staff of the locations it involves.' }),
    __param(0, Ctx()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], OrdersResolver.prototype, "order", null);
__decorate([
    ResolveField(() => [Fulfillment]),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Order, Object]),
    __metadata("design:returntype", Promise)
], OrdersResolver.prototype, "fulfillments", null);
__decorate([
    ResolveField(() => [OrderLine]),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Order, Object]),
    __metadata("design:returntype", Promise)
], OrdersResolver.prototype, "lines", null);
__decorate([
    ResolveField(() => [Notification], { description: 'Messages about this order: recorded with each change, then sent.' }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Order, Object]),
    __metadata("design:returntype", Promise)
], OrdersResolver.prototype, "notifications", null);
__decorate([
    ResolveField(() => Location, { nullable: true, description: 'The store the sale counts for (orders placed by staff).' }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Order, Object]),
    __metadata("design:returntype", Promise)
], OrdersResolver.prototype, "attributedLocation", null);
__decorate([
    ResolveField(() => Staff, { nullable: true, description: 'The staff member who placed the order, if staff did.' }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Order, Object]),
    __metadata("design:returntype", Promise)
], OrdersResolver.prototype, "placedBy", null);
OrdersResolver = __decorate([
    Resolver(() => Order),
    __metadata("design:paramtypes", [CheckoutService,
        FulfillmentTransitions,
        OrderQueries,
        LocationsService,
        StaffService,
        NotificationOutbox])
], OrdersResolver);
export { OrdersResolver };
//# sourceMappingURL=orders.resolver.js.map