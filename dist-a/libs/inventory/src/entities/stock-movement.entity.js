var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
/**
 * What can change a stock level. Adjustments are staff counts and receipts; the rest come from orders:
 * RESERVATION and RELEASE move `reserved`; SHIPMENT and COLLECTION take held units out; TRANSFER_IN
 * brings units sent to a pickup store in, held for their customer.
 */
export var StockMovementType;
(function (StockMovementType) {
    StockMovementType["ADJUSTMENT"] = "ADJUSTMENT";
    StockMovementType["RESERVATION"] = "RESERVATION";
    StockMovementType["RELEASE"] = "RELEASE";
    StockMovementType["SHIPMENT"] = "SHIPMENT";
    StockMovementType["COLLECTION"] = "COLLECTION";
    StockMovementType["TRANSFER_IN"] = "TRANSFER_IN";
    StockMovementType["SEED"] = "SEED";
})(StockMovementType || (StockMovementType = {}));
/** The ledger: append-only. Per level, the sums of the deltas equal on_hand and reserved. */
let StockMovementEntity = class StockMovementEntity {
    id;
    locationId;
    variantId;
    type;
    onHandDelta;
    reservedDelta;
    reason;
    reference;
    staffId;
    createdAt;
};
__decorate([
    PrimaryGeneratedColumn('identity', { type: 'bigint' }),
    __metadata("design:type", String)
], StockMovementEntity.prototype, "id", void 0);
__decorate([
    Column('uuid', { name: 'location_id' }),
    __metadata("design:type", String)
], StockMovementEntity.prototype, "locationId", void 0);
__decorate([
    Column('uuid', { name: 'variant_id' }),
    __metadata("design:type", String)
], StockMovementEntity.prototype, "variantId", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], StockMovementEntity.prototype, "type", void 0);
__decorate([
    Column('integer', { name: 'on_hand_delta' }),
    __metadata("design:type", Number)
], StockMovementEntity.prototype, "onHandDelta", void 0);
__decorate([
    Column('integer', { name: 'reserved_delta' }),
    __metadata("design:type", Number)
], StockMovementEntity.prototype, "reservedDelta", void 0);
__decorate([
    Column('varchar', { nullable: true }),
    __metadata("design:type", Object)
], StockMovementEntity.prototype, "reason", void 0);
__decorate([
    Column('varchar', { nullable: true }),
    __metadata("design:type", Object)
], StockMovementEntity.prototype, "reference", void 0);
__decorate([
    Column('uuid', { name: 'staff_id', nullable: true }),
    __metadata("design:type", Object)
], StockMovementEntity.prototype, "staffId", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], StockMovementEntity.prototype, "createdAt", void 0);
StockMovementEntity = __decorate([
    Entity('stock_movement')
], StockMovementEntity);
export { StockMovementEntity };
//# sourceMappingURL=stock-movement.entity.js.map