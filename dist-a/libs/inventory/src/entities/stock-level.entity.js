var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
/**
 * Stock of one variant at one location. `available = on_hand - reserved`; CHECK constraints keep
 * 0 <= reserved <= on_hand. Change it only through StockLedger, which writes a movement for every change.
 */
let StockLevelEntity = class StockLevelEntity {
    locationId;
    variantId;
    onHand;
    reserved;
    updatedAt;
};
__decorate([
    PrimaryColumn('uuid', { name: 'location_id' }),
    __metadata("design:type", String)
], StockLevelEntity.prototype, "locationId", void 0);
__decorate([
    PrimaryColumn('uuid', { name: 'variant_id' }),
    __metadata("design:type", String)
], StockLevelEntity.prototype, "variantId", void 0);
__decorate([
    Column('integer', { name: 'on_hand' }),
    __metadata("design:type", Number)
], StockLevelEntity.prototype, "onHand", void 0);
__decorate([
    Column('integer'),
    __metadata("design:type", Number)
], StockLevelEntity.prototype, "reserved", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], StockLevelEntity.prototype, "updatedAt", void 0);
StockLevelEntity = __decorate([
    Entity('stock_level')
], StockLevelEntity);
export { StockLevelEntity };
//# sourceMappingURL=stock-level.entity.js.map