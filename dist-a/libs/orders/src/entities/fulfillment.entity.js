var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
/** A group of an order's lines that travels together from one source location (to one pickup store). */
let FulfillmentEntity = class FulfillmentEntity {
    id;
    orderId;
    type;
    status;
    sourceLocationId;
    pickupLocationId;
    pickupCodeHash;
    pickupCodeSealed;
    pickupCodeFailures;
    readyAt;
    expiresAt;
    shippedAt;
    closedAt;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], FulfillmentEntity.prototype, "id", void 0);
__decorate([
    Column('uuid', { name: 'order_id' }),
    __metadata("design:type", String)
], FulfillmentEntity.prototype, "orderId", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], FulfillmentEntity.prototype, "type", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], FulfillmentEntity.prototype, "status", void 0);
__decorate([
    Column('uuid', { name: 'source_location_id' }),
    __metadata("design:type", String)
], FulfillmentEntity.prototype, "sourceLocationId", void 0);
__decorate([
    Column('uuid', { name: 'pickup_location_id', nullable: true }),
    __metadata("design:type", Object)
], FulfillmentEntity.prototype, "pickupLocationId", void 0);
__decorate([
    Column('varchar', { name: 'pickup_code_hash', nullable: true, select: false }),
    __metadata("design:type", Object)
], FulfillmentEntity.prototype, "pickupCodeHash", void 0);
__decorate([
    Column('text', { name: 'pickup_code_sealed', nullable: true, select: false }),
    __metadata("design:type", Object)
], FulfillmentEntity.prototype, "pickupCodeSealed", void 0);
__decorate([
    Column('integer', { name: 'pickup_code_failures' }),
    __metadata("design:type", Number)
], FulfillmentEntity.prototype, "pickupCodeFailures", void 0);
__decorate([
    Column('timestamptz', { name: 'ready_at', nullable: true }),
    __metadata("design:type", Object)
], FulfillmentEntity.prototype, "readyAt", void 0);
__decorate([
    Column('timestamptz', { name: 'expires_at', nullable: true }),
    __metadata("design:type", Object)
], FulfillmentEntity.prototype, "expiresAt", void 0);
__decorate([
    Column('timestamptz', { name: 'shipped_at', nullable: true }),
    __metadata("design:type", Object)
], FulfillmentEntity.prototype, "shippedAt", void 0);
__decorate([
    Column('timestamptz', { name: 'closed_at', nullable: true }),
    __metadata("design:type", Object)
], FulfillmentEntity.prototype, "closedAt", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], FulfillmentEntity.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], FulfillmentEntity.prototype, "updatedAt", void 0);
FulfillmentEntity = __decorate([
    Entity('fulfillment')
], FulfillmentEntity);
export { FulfillmentEntity };
//# sourceMappingURL=fulfillment.entity.js.map