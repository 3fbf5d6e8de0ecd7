var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money, PageInfo } from '../../../common/src/index.js';
let Product = class Product {
    id;
    slug;
    name;
    description;
    brand;
    category;
    images;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Product.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Product.prototype, "slug", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Product.prototype, "name", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Product.prototype, "description", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Product.prototype, "brand", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Product.prototype, "category", void 0);
__decorate([
    Field(() => [String], { description: 'Image URLs, first is the main one.' }),
    __metadata("design:type", Array)
], Product.prototype, "images", void 0);
Product = __decorate([
    ObjectType()
], Product);
export { Product };
let ProductVariant = class ProductVariant {
    id;
    sku;
    size;
    colour;
    price;
    barcode;
    productId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProductVariant.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ProductVariant.prototype, "sku", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], ProductVariant.prototype, "size", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], ProductVariant.prototype, "colour", void 0);
__decorate([
    Field(() => Money, { description: 'Price including tax.' }),
    __metadata("design:type", Money)
], ProductVariant.prototype, "price", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], ProductVariant.prototype, "barcode", void 0);
ProductVariant = __decorate([
    ObjectType({ description: 'A size/colour of a product, the unit that is stocked and sold.' })
], ProductVariant);
export { ProductVariant };
let ProductEdge = class ProductEdge {
    cursor;
    node;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ProductEdge.prototype, "cursor", void 0);
__decorate([
    Field(() => Product),
    __metadata("design:type", Product)
], ProductEdge.prototype, "node", void 0);
ProductEdge = __decorate([
    ObjectType()
], ProductEdge);
export { ProductEdge };
let ProductConnection = class ProductConnection {
    totalCount;
    pageInfo;
    edges;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ProductConnection.prototype, "totalCount", void 0);
__decorate([
    Field(() => PageInfo),
    __metadata("design:type", PageInfo)
], ProductConnection.prototype, "pageInfo", void 0);
__decorate([
    Field(() => [ProductEdge]),
    __metadata("design:type", Array)
], ProductConnection.prototype, "edges", void 0);
ProductConnection = __decorate([
    ObjectType()
], ProductConnection);
export { ProductConnection };
//# sourceMappingURL=product.model.js.map