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
import { Args, Float, Query, Resolver } from '@nestjs/graphql';
import { CatalogueService } from '../../../catalogue/src/index.js';
import { badInput, GeoPointInput, notFound } from '../../../common/src/index.js';
import { toLocation } from '../../../locations/src/index.js';
import { StoreAvailability } from '../models/stock-level.model.js';
import { MAX_RADIUS_KM, StockQueryService } from '../services/stock-query.service.js';
let StoresNearResolver = class StoresNearResolver {
    query;
    catalogue;
    constructor(query, catalogue) {
        this.query = query;
        this.catalogue = catalogue;
    }
    async storesNear(near, radiusKm, sku) {
        if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM)
            throw badInput(`radiusKm must be more than 0 and at most ${MAX_RADIUS_KM}`, ['radiusKm']);
        const variantId = await this.catalogue.variantIdBySku(sku);
        if (!variantId)
            throw notFound(`Variant ${sku}`);
        const rows = await this.query.storesNear(near.lat, near.lng, radiusKm, variantId);
        return rows.map((r) => ({ location: toLocation(r.location), distanceKm: r.distanceKm, available: r.available }));
    }
};
__decorate([
    Query(() => [StoreAvailability], { description: 'Pickup stores within radiusKm of a point, nearest first, with their stock of one SKU.' }),
    __param(0, Args('near', { type: () => GeoPointInput })),
    __param(1, Args('radiusKm', { type: () => Float })),
    __param(2, Args('sku', { type: () => String })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [GeoPointInput, Number, String]),
    __metadata("design:returntype", Promise)
], StoresNearResolver.prototype, "storesNear", null);
StoresNearResolver = __decorate([
    Resolver(() => StoreAvailability),
    __metadata("design:paramtypes", [StockQueryService,
        CatalogueService])
], StoresNearResolver);
export { StoresNearResolver };
//# sourceMappingURL=stores-near.resolver.js.map