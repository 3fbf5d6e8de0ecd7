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
/** An order: what was bought, for how much, on which channel, by whom, for whom. Money in minor units. */
let OrderEntity = class OrderEntity {
    id;
    number;
    idempotencyKey;
    cartId;
    customerId;
    channel;
    status;
    currency;
    subtotal;
    discount;
    total;
    contactEmail;
    contactPhone;
    contactName;
    shipLine1;
    shipCity;
    shipPostalCode;
    shipCountry;
    attributedLocationId;
    placedByStaffId;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], OrderEntity.prototype, "id", void 0);
__decorate([
    Column({ type: 'varchar', insert: false, update: false }),
    __metadata("design:type", String)
], OrderEntity.prototype, "number", void 0);
__decorate([
    Column('varchar', { name: 'idempotency_key' }),
    __metadata("design:type", String)
], OrderEntity.prototype, "idempotencyKey", void 0);
__decorate([
    Column('uuid', { name: 'cart_id', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "cartId", void 0);
__decorate([
    Column('uuid', { name: 'customer_id', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "customerId", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], OrderEntity.prototype, "channel", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], OrderEntity.prototype, "status", void 0);
__decorate([
    Column('char'),
    __metadata("design:type", String)
], OrderEntity.prototype, "currency", void 0);
__decorate([
    Column('integer'),
    __metadata("design:type", Number)
], OrderEntity.prototype, "subtotal", void 0);
__decorate([
    Column('integer'),
    __metadata("design:type", Number)
], OrderEntity.prototype, "discount", void 0);
__decorate([
    Column('integer'),
    __metadata("design:type", Number)
], OrderEntity.prototype, "total", void 0);
__decorate([
    Column('varchar', { name: 'contact_email' }),
    __metadata("design:type", String)
], OrderEntity.prototype, "contactEmail", void 0);
__decorate([
    Column('varchar', { name: 'contact_phone', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "contactPhone", void 0);
__decorate([
    Column('varchar', { name: 'contact_name', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "contactName", void 0);
__decorate([
    Column('varchar', { name: 'ship_line1', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "shipLine1", void 0);
__decorate([
    Column('varchar', { name: 'ship_city', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "shipCity", void 0);
__decorate([
    Column('varchar', { name: 'ship_postal_code', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "shipPostalCode", void 0);
__decorate([
    Column('char', { name: 'ship_country', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "shipCountry", void 0);
__decorate([
    Column('uuid', { name: 'attributed_location_id', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "attributedLocationId", void 0);
__decorate([
    Column('uuid', { name: 'placed_by_staff_id', nullable: true }),
    __metadata("design:type", Object)
], OrderEntity.prototype, "placedByStaffId", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrderEntity.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrderEntity.prototype, "updatedAt", void 0);
OrderEntity = __decorate([
    Entity('customer_order')
], OrderEntity);
export { OrderEntity };
//# sourceMappingURL=order.entity.js.map