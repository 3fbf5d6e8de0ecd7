var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { UserError } from '../../../common/src/index.js';
import { Location } from '../../../locations/src/index.js';
let StockLevel = class StockLevel {
    sku;
    onHand;
    reserved;
    available;
    locationId;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], StockLevel.prototype, "sku", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], StockLevel.prototype, "onHand", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], StockLevel.prototype, "reserved", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], StockLevel.prototype, "available", void 0);
StockLevel = __decorate([
    ObjectType({ description: 'Stock of one SKU at one location. available = onHand - reserved.' })
], StockLevel);
export { StockLevel };
let StockLevelPayload = class StockLevelPayload {
    stockLevel;
    userErrors;
};
__decorate([
    Field(() => StockLevel, { nullable: true }),
    __metadata("design:type", Object)
], StockLevelPayload.prototype, "stockLevel", void 0);
__decorate([
    Field(() => [UserError]),
    __metadata("design:type", Array)
], StockLevelPayload.prototype, "userErrors", void 0);
StockLevelPayload = __decorate([
    ObjectType()
], StockLevelPayload);
export { StockLevelPayload };
let StoreAvailability = class StoreAvailability {
    location;
    distanceKm;
    available;
};
__decorate([
    Field(() => Location),
    __metadata("design:type", Location)
], StoreAvailability.prototype, "location", void 0);
__decorate([
    Field(() => Float),
    __metadata("design:type", Number)
], StoreAvailability.prototype, "distanceKm", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], StoreAvailability.prototype, "available", void 0);
StoreAvailability = __decorate([
    ObjectType({ description: 'A pickup store near a point and what it has of one SKU.' })
], StoreAvailability);
export { StoreAvailability };
export function toStockLevel(v) {
    return Object.assign(new StockLevel(), { sku: v.sku, onHand: v.onHand, reserved: v.reserved, available: v.onHand - v.reserved, locationId: v.locationId });
}
//# sourceMappingURL=stock-level.model.js.map