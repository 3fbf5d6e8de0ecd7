var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../common/src/index.js';
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
let VariantInput = class VariantInput {
    sku;
    size;
    colour;
    price;
    barcode;
};
__decorate([
    Field(() => String),
    Matches(SKU_PATTERN, { message: 'sku: 1 to 64 letters, digits, dot, - or _' }),
    __metadata("design:type", String)
], VariantInput.prototype, "sku", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    Length(1, 32),
    __metadata("design:type", String)
], VariantInput.prototype, "size", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    Length(1, 64),
    __metadata("design:type", String)
], VariantInput.prototype, "colour", void 0);
__decorate([
    Field(() => MoneyInput),
    ValidateNested(),
    Type(() => MoneyInput),
    __metadata("design:type", MoneyInput)
], VariantInput.prototype, "price", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'EAN/UPC barcode, digits only.' }),
    IsOptional(),
    Matches(/^\d{8,14}$/, { message: 'barcode: 8 to 14 digits' }),
    __metadata("design:type", String)
], VariantInput.prototype, "barcode", void 0);
VariantInput = __decorate([
    InputType()
], VariantInput);
export { VariantInput };
let ProductCreateInput = class ProductCreateInput {
    slug;
    name;
    description;
    brand;
    category;
    images;
    variants;
};
__decorate([
    Field(() => String),
    Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug: lowercase letters and digits separated by single hyphens' }),
    MaxLength(200),
    __metadata("design:type", String)
], ProductCreateInput.prototype, "slug", void 0);
__decorate([
    Field(() => String),
    IsString(),
    Length(1, 300),
    __metadata("design:type", String)
], ProductCreateInput.prototype, "name", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(10000),
    __metadata("design:type", String)
], ProductCreateInput.prototype, "description", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    Length(1, 100),
    __metadata("design:type", String)
], ProductCreateInput.prototype, "brand", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'category: lowercase letters and digits separated by single hyphens' }),
    MaxLength(100),
    __metadata("design:type", String)
], ProductCreateInput.prototype, "category", void 0);
__decorate([
    Field(() => [String], { nullable: true }),
    IsOptional(),
    ArrayMaxSize(20),
    IsUrl({ require_protocol: true }, { each: true }),
    __metadata("design:type", Array)
], ProductCreateInput.prototype, "images", void 0);
__decorate([
    Field(() => [VariantInput]),
    ArrayMinSize(1),
    ArrayMaxSize(100),
    ValidateNested({ each: true }),
    Type(() => VariantInput),
    __metadata("design:type", Array)
], ProductCreateInput.prototype, "variants", void 0);
ProductCreateInput = __decorate([
    InputType()
], ProductCreateInput);
export { ProductCreateInput };
//# sourceMappingURL=product-create.input.js.map