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
import { CatalogueService } from '../../../catalogue/src/index.js';
import { EventBus, notFound } from '../../../common/src/index.js';
import { LocationsService } from '../../../locations/src/index.js';
import { StockLevel, toStockLevel } from '../models/stock-level.model.js';
import { stockChannel } from '../services/stock-ledger.service.js';
let StockChangedResolver = class StockChangedResolver {
    events;
    catalogue;
    locations;
    constructor(events, catalogue, locations) {
        this.events = events;
        this.catalogue = catalogue;
        this.locations = locations;
    }
    /** Public, like the stock counts storesNear shows: a store page or the app watching one size. */
    async stockChanged(locationId, sku) {
        const [variant, location] = await Promise.all([this.catalogue.findVariantBySku(sku), this.locations.find(locationId)]);
        if (!variant)
            throw notFound(`Variant ${sku}`);
        if (!location)
            throw notFound('Location');
        return this.events.listen(stockChannel(location.id, variant.id), (e) => toStockLevel({ ...e, sku: variant.sku }));
    }
};
__decorate([
    Subscription(() => StockLevel, { description: 'Every committed change of one SKU\'s stock at one location, on any API process.', resolve: (level) => level }),
    __param(0, Args('locationId', { type: () => ID })),
    __param(1, Args('sku', { type: () => String })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], StockChangedResolver.prototype, "stockChanged", null);
StockChangedResolver = __decorate([
    Resolver(() => StockLevel),
    __metadata("design:paramtypes", [EventBus,
        CatalogueService,
        LocationsService])
], StockChangedResolver);
export { StockChangedResolver };
//# sourceMappingURL=stock-changed.resolver.js.map