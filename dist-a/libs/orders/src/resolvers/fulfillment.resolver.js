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
import { Ctx, StaffOnly } from '../../../auth/src/index.js';
import { CatalogueService, ProductVariant, toVariant } from '../../../catalogue/src/index.js';
import { badInput, notFound, payload } from '../../../common/src/index.js';
import { Location, LocationsService, toLocation } from '../../../locations/src/index.js';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Fulfillment, FulfillmentPayload, Order } from '../models/order.model.js';
import { FulfillmentAction } from '../services/fulfillment-state-machine.js';
import { FulfillmentTransitions } from '../services/fulfillment-transitions.service.js';
import { OrderQueries } from '../services/order-queries.service.js';
let FulfillmentLine = class FulfillmentLine {
    sku;
    quantity;
    variantId;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], FulfillmentLine.prototype, "sku", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], FulfillmentLine.prototype, "quantity", void 0);
FulfillmentLine = __decorate([
    ObjectType()
], FulfillmentLine);
export { FulfillmentLine };
let FulfillmentResolver = class FulfillmentResolver {
    transitions;
    queries;
    locations;
    constructor(transitions, queries, locations) {
        this.transitions = transitions;
        this.queries = queries;
        this.locations = locations;
    }
    async pickupQueue(ctx, locationId) {
        return (await this.queries.pickupQueue(ctx, locationId)).map((f) => Fulfillment.from(f));
    }
    fulfillmentMarkReady(ctx, id) {
        return this.act(ctx, id, FulfillmentAction.MARK_READY);
    }
    fulfillmentShip(ctx, id) {
        return this.act(ctx, id, FulfillmentAction.SHIP);
    }
    fulfillmentReceive(ctx, id) {
        return this.act(ctx, id, FulfillmentAction.RECEIVE);
    }
    fulfillmentMarkDelivered(ctx, id) {
        return this.act(ctx, id, FulfillmentAction.MARK_DELIVERED);
    }
    fulfillmentCollect(ctx, id, pickupCode) {
        if (pickupCode.length > 32)
            throw badInput('pickupCode is at most 32 characters', ['pickupCode']);
        return payload('fulfillment', async () => Fulfillment.from(await this.transitions.collect(ctx, id, pickupCode)));
    }
    act(ctx, id, action) {
        return payload('fulfillment', async () => Fulfillment.from(await this.transitions.act(ctx, id, action)));
    }
    async pickupCode(f, ctx) {
        if (f.type === 'DELIVERY' || ctx.caller.kind === 'staff')
            return null;
        return f.shownCode ?? this.queries.pickupCodeFor(ctx, f);
    }
    async sourceLocation(f, ctx) {
        const l = await this.locations.load(ctx, f.sourceLocationId);
        return l && toLocation(l);
    }
    async pickupLocation(f, ctx) {
        const l = f.pickupLocationId ? await this.locations.load(ctx, f.pickupLocationId) : null;
        return l && toLocation(l);
    }
    async lines(f, ctx) {
        return (await this.queries.linesOfFulfillment(ctx, f.id)).map((l) => Object.assign(new FulfillmentLine(), { sku: l.sku, quantity: l.quantity, variantId: l.variantId }));
    }
    async order(f, ctx) {
        const o = await this.queries.loadOrder(ctx, f.orderId);
        if (!o)
            throw notFound('Order');
        return Order.from(o);
    }
};
__decorate([
    Query(() => [Fulfillment], { description: 'Staff: the pickups a store has to prepare, receive or hand over, oldest first.' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('locationId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "pickupQueue", null);
__decorate([
    Mutation(() => FulfillmentPayload, { description: 'Pickup store staff: the order is prepared and waits for its customer.' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "fulfillmentMarkReady", null);
__decorate([
    Mutation(() => FulfillmentPayload, { description: 'Source staff: the goods leave (to the pickup store, or to the customer).' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "fulfillmentShip", null);
__decorate([
    Mutation(() => FulfillmentPayload, { description: 'Pickup store staff: a transfer arrived and waits for its customer.' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "fulfillmentReceive", null);
__decorate([
    Mutation(() => FulfillmentPayload, { description: 'Source staff: a home delivery arrived.' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "fulfillmentMarkDelivered", null);
__decorate([
    Mutation(() => FulfillmentPayload, { description: 'Pickup store staff hand the goods over against the code the customer shows.' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('pickupCode', { type: () => String })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "fulfillmentCollect", null);
__decorate([
    ResolveField(() => String, { nullable: true, description: 'Only for the customer who placed the order; never for staff.' }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Fulfillment, Object]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "pickupCode", null);
__decorate([
    ResolveField(() => Location, { nullable: true, description: 'Where the goods come from.' }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Fulfillment, Object]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "sourceLocation", null);
__decorate([
    ResolveField(() => Location, { nullable: true, description: 'Where the customer collects (PICKUP, SHIP_TO_STORE).' }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Fulfillment, Object]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "pickupLocation", null);
__decorate([
    ResolveField(() => [FulfillmentLine]),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Fulfillment, Object]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "lines", null);
__decorate([
    ResolveField(() => Order),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Fulfillment, Object]),
    __metadata("design:returntype", Promise)
], FulfillmentResolver.prototype, "order", null);
FulfillmentResolver = __decorate([
    Resolver(() => Fulfillment),
    __metadata("design:paramtypes", [FulfillmentTransitions,
        OrderQueries,
        LocationsService])
], FulfillmentResolver);
export { FulfillmentResolver };
let FulfillmentLineResolver = class FulfillmentLineResolver {
    catalogue;
    constructor(catalogue) {
        this.catalogue = catalogue;
    }
    async variant(l, ctx) {
        const v = await this.catalogue.loadVariant(ctx, l.variantId);
        if (!v)
            throw notFound('Variant');
        return toVariant(v);
    }
};
__decorate([
    ResolveField(() => ProductVariant),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [FulfillmentLine, Object]),
    __metadata("design:returntype", Promise)
], FulfillmentLineResolver.prototype, "variant", null);
FulfillmentLineResolver = __decorate([
    Resolver(() => FulfillmentLine),
    __metadata("design:paramtypes", [CatalogueService])
], FulfillmentLineResolver);
export { FulfillmentLineResolver };
//# sourceMappingURL=fulfillment.resolver.js.map