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
/** One sellable size/colour of a product. `position` keeps the order the variants were created in. */
let ProductVariantEntity = class ProductVariantEntity {
    id;
    productId;
    position;
    sku;
    size;
    colour;
    priceAmount;
    priceCurrency;
    barcode;
    createdAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], ProductVariantEntity.prototype, "id", void 0);
__decorate([
    Column('uuid', { name: 'product_id' }),
    __metadata("design:type", String)
], ProductVariantEntity.prototype, "productId", void 0);
__decorate([
    Column('integer'),
    __metadata("design:type", Number)
], ProductVariantEntity.prototype, "position", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], ProductVariantEntity.prototype, "sku", void 0);
__decorate([
    Column('varchar', { nullable: true }),
    __metadata("design:type", Object)
], ProductVariantEntity.prototype, "size", void 0);
__decorate([
    Column('varchar', { nullable: true }),
    __metadata("design:type", Object)
], ProductVariantEntity.prototype, "colour", void 0);
__decorate([
    Column('integer', { name: 'price_amount' }),
    __metadata("design:type", Number)
], ProductVariantEntity.prototype, "priceAmount", void 0);
__decorate([
    Column('char', { name: 'price_currency' }),
    __metadata("design:type", String)
], ProductVariantEntity.prototype, "priceCurrency", void 0);
__decorate([
    Column('varchar', { nullable: true }),
    __metadata("design:type", Object)
], ProductVariantEntity.prototype, "barcode", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ProductVariantEntity.prototype, "createdAt", void 0);
ProductVariantEntity = __decorate([
    Entity('product_variant')
], ProductVariantEntity);
export { ProductVariantEntity };
//# sourceMappingURL=product-variant.entity.js.map