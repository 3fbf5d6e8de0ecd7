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
import { Args, Field, Float, GraphQLISODateTime, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, StaffOnly } from '../../../auth/src/index.js';
import { CatalogueService } from '../../../catalogue/src/index.js';
import { badInput, haversineKm, notFound, payload } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
import { formatIsoDuration, Location, LocationsService, toLocation } from '../../../locations/src/index.js';
import { AssistedOrderInput } from '../dto/assisted-order.input.js';
import { Order, OrderPayload } from '../models/order.model.js';
import { AssistedOrderService } from '../services/assisted-order.service.js';
import { LeadTimes } from '../sourcing/lead-times.js';
import { SourcingService } from '../sourcing/sourcing.service.js';
let SourcingOption = class SourcingOption {
    location;
    available;
    distanceKm;
    leadTime;
    estimatedArrival;
    locationId;
};
__decorate([
    Field(() => Location),
    __metadata("design:type", Location)
], SourcingOption.prototype, "location", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], SourcingOption.prototype, "available", void 0);
__decorate([
    Field(() => Float, { description: 'To the destination, as the crow flies.' }),
    __metadata("design:type", Number)
], SourcingOption.prototype, "distanceKm", void 0);
__decorate([
    Field(() => String, { description: 'ISO-8601 duration, e.g. PT30H.' }),
    __metadata("design:type", String)
], SourcingOption.prototype, "leadTime", void 0);
__decorate([
    Field(() => GraphQLISODateTime),
    __metadata("design:type", Date)
], SourcingOption.prototype, "estimatedArrival", void 0);
SourcingOption = __decorate([
    ObjectType({ description: 'A location that can send the quantity now, best first by the checkout\'s sourcing rule.' })
], SourcingOption);
export { SourcingOption };
const MAX_QUANTITY = 1000;
let EndlessAisleResolver = class EndlessAisleResolver {
    sourcing;
    catalogue;
    locations;
    assisted;
    leadTimes;
    constructor(sourcing, catalogue, locations, assisted, config) {
        this.sourcing = sourcing;
        this.catalogue = catalogue;
        this.locations = locations;
        this.assisted = assisted;
        this.leadTimes = new LeadTimes(config.get('LEAD_TIME_BASE_HOURS'), config.get('LEAD_TIME_HOURS_PER_100_KM'), config.get('LEAD_TIMES'));
    }
    async sourcingOptions(sku, quantity, destinationLocationId) {
        if (quantity < 1 || quantity > MAX_QUANTITY)
            throw badInput(`quantity must be 1 to ${MAX_QUANTITY}`, ['quantity']);
        const [variant, destination] = await Promise.all([this.catalogue.findVariantBySku(sku), this.locations.find(destinationLocationId)]);
        if (!variant)
            throw notFound(`Variant ${sku}`);
        if (!destination)
            throw notFound('Location');
        const candidates = (await this.sourcing.candidates([variant.id])).filter((c) => c.locationId !== destination.id);
        const now = Date.now();
        return this.sourcing.strategy.rank(candidates, variant.id, quantity, destination).map((c) => {
            const distanceKm = Math.round(haversineKm(destination.lat, destination.lng, c.lat, c.lng) * 10) / 10;
            const hours = this.leadTimes.hours(c.code, destination.code, distanceKm);
            return Object.assign(new SourcingOption(), {
                locationId: c.locationId, available: c.available.get(variant.id) ?? 0, distanceKm,
                leadTime: formatIsoDuration(hours * 3600), estimatedArrival: new Date(now + hours * 3600e3),
            });
        });
    }
    assistedOrderCreate(ctx, input) {
        return payload('order', async () => Order.from((await this.assisted.create(ctx, input)).order));
    }
    async location(o, ctx) {
        const l = await this.locations.load(ctx, o.locationId);
        if (!l)
            throw notFound('Location');
        return toLocation(l);
    }
};
__decorate([
    Query(() => [SourcingOption], { description: 'Staff: the other locations that can supply `quantity` of a SKU to a destination now.' }),
    StaffOnly(),
    __param(0, Args('sku', { type: () => String })),
    __param(1, Args('quantity', { type: () => Int })),
    __param(2, Args('destinationLocationId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Number, String]),
    __metadata("design:returntype", Promise)
], EndlessAisleResolver.prototype, "sourcingOptions", null);
__decorate([
    Mutation(() => OrderPayload, { description: 'Staff: an order placed from the shop floor for a customer, counted for the staff member\'s store (channel STORE).' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, AssistedOrderInput]),
    __metadata("design:returntype", Promise)
], EndlessAisleResolver.prototype, "assistedOrderCreate", null);
__decorate([
    ResolveField(() => Location),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SourcingOption, Object]),
    __metadata("design:returntype", Promise)
], EndlessAisleResolver.prototype, "location", null);
EndlessAisleResolver = __decorate([
    Resolver(() => SourcingOption),
    __metadata("design:paramtypes", [SourcingService,
        CatalogueService,
        LocationsService,
        AssistedOrderService,
        AppConfig])
], EndlessAisleResolver);
export { EndlessAisleResolver };
//# sourceMappingURL=endless-aisle.resolver.js.map