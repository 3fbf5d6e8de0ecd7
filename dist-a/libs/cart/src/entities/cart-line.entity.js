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
/** A variant, a quantity and how it should reach the customer. `seq` keeps the order lines were first added in. */
let CartLineEntity = class CartLineEntity {
    id;
    seq;
    cartId;
    variantId;
    quantity;
    fulfillmentType;
    /** The pickup store, for PICKUP lines. */
    locationId;
    addedVia;
    addedByStaffId;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], CartLineEntity.prototype, "id", void 0);
__decorate([
    Column({ type: 'bigint', insert: false, update: false }),
    __metadata("design:type", String)
], CartLineEntity.prototype, "seq", void 0);
__decorate([
    Column('uuid', { name: 'cart_id' }),
    __metadata("design:type", String)
], CartLineEntity.prototype, "cartId", void 0);
__decorate([
    Column('uuid', { name: 'variant_id' }),
    __metadata("design:type", String)
], CartLineEntity.prototype, "variantId", void 0);
__decorate([
    Column('integer'),
    __metadata("design:type", Number)
], CartLineEntity.prototype, "quantity", void 0);
__decorate([
    Column('varchar', { name: 'fulfillment_type' }),
    __metadata("design:type", String)
], CartLineEntity.prototype, "fulfillmentType", void 0);
__decorate([
    Column('uuid', { name: 'location_id', nullable: true }),
    __metadata("design:type", Object)
], CartLineEntity.prototype, "locationId", void 0);
__decorate([
    Column('varchar', { name: 'added_via' }),
    __metadata("design:type", String)
], CartLineEntity.prototype, "addedVia", void 0);
__decorate([
    Column('uuid', { name: 'added_by_staff_id', nullable: true }),
    __metadata("design:type", Object)
], CartLineEntity.prototype, "addedByStaffId", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], CartLineEntity.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], CartLineEntity.prototype, "updatedAt", void 0);
CartLineEntity = __decorate([
    Entity('cart_line')
], CartLineEntity);
export { CartLineEntity };
//# sourceMappingURL=cart-line.entity.js.map