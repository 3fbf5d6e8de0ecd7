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
/** A guest cart (no customer; its unguessable id is the key to it) or a customer's one ACTIVE cart. */
let CartEntity = class CartEntity {
    id;
    customerId;
    status;
    createdVia;
    mergedInto;
    createdAt;
    updatedAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], CartEntity.prototype, "id", void 0);
__decorate([
    Column('uuid', { name: 'customer_id', nullable: true }),
    __metadata("design:type", Object)
], CartEntity.prototype, "customerId", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], CartEntity.prototype, "status", void 0);
__decorate([
    Column('varchar', { name: 'created_via' }),
    __metadata("design:type", String)
], CartEntity.prototype, "createdVia", void 0);
__decorate([
    Column('uuid', { name: 'merged_into', nullable: true }),
    __metadata("design:type", Object)
], CartEntity.prototype, "mergedInto", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], CartEntity.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], CartEntity.prototype, "updatedAt", void 0);
CartEntity = __decorate([
    Entity('cart')
], CartEntity);
export { CartEntity };
//# sourceMappingURL=cart.entity.js.map