var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { requireActsAt, requireStaff } from '../../../auth/src/index.js';
import { CatalogueService } from '../../../catalogue/src/index.js';
import { badInput, BusinessError, ErrorCode, notFound } from '../../../common/src/index.js';
import { LocationsService } from '../../../locations/src/index.js';
import { StockAdjustInput } from '../dto/stock-adjust.input.js';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { StockLedger } from './stock-ledger.service.js';
import { StockQueryService } from './stock-query.service.js';
/** Stock use cases for staff: adjust a level at their location, read any level. */
let StockService = class StockService {
    ledger;
    query;
    catalogue;
    locations;
    constructor(ledger, query, catalogue, locations) {
        this.ledger = ledger;
        this.query = query;
        this.catalogue = catalogue;
        this.locations = locations;
    }
    async adjust(caller, input) {
        const staff = requireActsAt(caller, input.locationId);
        if (input.delta === 0)
            throw badInput('delta must not be zero', ['delta']);
        const location = await this.locations.find(input.locationId);
        if (!location)
            throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
        const variant = await this.catalogue.findVariantBySku(input.sku);
        if (!variant)
            throw new BusinessError(ErrorCode.UNKNOWN_SKU, `No variant with SKU ${input.sku}`, ['sku']);
        const level = await this.ledger.adjustOnHand(location.id, variant.id, input.delta, {
            type: StockMovementType.ADJUSTMENT,
            reason: input.reason ?? null,
            staffId: staff.staffId,
        });
        return { locationId: location.id, variantId: variant.id, sku: variant.sku, ...level };
    }
    async level(caller, locationId, sku) {
        requireStaff(caller);
        const [location, variant] = await Promise.all([this.locations.find(locationId), this.catalogue.findVariantBySku(sku)]);
        if (!location)
            throw notFound('Location');
        if (!variant)
            throw notFound(`Variant ${sku}`);
        return { locationId: location.id, variantId: variant.id, sku: variant.sku, ...(await this.query.level(location.id, variant.id)) };
    }
};
StockService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [StockLedger,
        StockQueryService,
        CatalogueService,
        LocationsService])
], StockService);
export { StockService };
//# sourceMappingURL=stock.service.js.map