var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
/** A bought variant: its SKU and price as they were at checkout. */
let OrderLineEntity = class OrderLineEntity {
    id;
    orderId;
    fulfillmentId;
    position;
    variantId;
    sku;
    quantity;
    unitPrice;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], OrderLineEntity.prototype, "id", void 0);
__decorate([
    Column('uuid', { name: 'order_id' }),
    __metadata("design:type", String)
], OrderLineEntity.prototype, "orderId", void 0);
__decorate([
    Column('uuid', { name: 'fulfillment_id' }),
    __metadata("design:type", String)
], OrderLineEntity.prototype, "fulfillmentId", void 0);
__decorate([
    Column('integer'),
    __metadata("design:type", Number)
], OrderLineEntity.prototype, "position", void 0);
__decorate([
    Column('uuid', { name: 'variant_id' }),
    __metadata("design:type", String)
], OrderLineEntity.prototype, "variantId", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], OrderLineEntity.prototype, "sku", void 0);
__decorate([
    Column('integer'),
    __metadata("design:type", Number)
], OrderLineEntity.prototype, "quantity", void 0);
__decorate([
    Column('integer', { name: 'unit_price' }),
    __metadata("design:type", Number)
], OrderLineEntity.prototype, "unitPrice", void 0);
OrderLineEntity = __decorate([
    Entity('order_line')
], OrderLineEntity);
export { OrderLineEntity };
//# sourceMappingURL=order-line.entity.js.map