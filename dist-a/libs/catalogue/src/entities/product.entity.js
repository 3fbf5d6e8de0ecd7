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
let ProductEntity = class ProductEntity {
    id;
    slug;
    name;
    description;
    brand;
    category;
    images;
    createdAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], ProductEntity.prototype, "id", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], ProductEntity.prototype, "slug", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], ProductEntity.prototype, "name", void 0);
__decorate([
    Column('text', { nullable: true }),
    __metadata("design:type", Object)
], ProductEntity.prototype, "description", void 0);
__decorate([
    Column('varchar', { nullable: true }),
    __metadata("design:type", Object)
], ProductEntity.prototype, "brand", void 0);
__decorate([
    Column('varchar', { nullable: true }),
    __metadata("design:type", Object)
], ProductEntity.prototype, "category", void 0);
__decorate([
    Column('jsonb'),
    __metadata("design:type", Array)
], ProductEntity.prototype, "images", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ProductEntity.prototype, "createdAt", void 0);
ProductEntity = __decorate([
    Entity('product')
], ProductEntity);
export { ProductEntity };
//# sourceMappingURL=product.entity.js.map