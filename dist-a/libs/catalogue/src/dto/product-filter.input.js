var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
let ProductFilter = class ProductFilter {
    search;
    category;
    availableAt;
};
__decorate([
    Field(() => String, { nullable: true, description: 'Words that must all appear in the name (prefixes match).' }),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", String)
], ProductFilter.prototype, "search", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(100),
    __metadata("design:type", String)
], ProductFilter.prototype, "category", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'Only products with at least one variant available at this location.' }),
    IsOptional(),
    IsUUID('all', { message: 'availableAt must be a location id' }),
    __metadata("design:type", String)
], ProductFilter.prototype, "availableAt", void 0);
ProductFilter = __decorate([
    InputType()
], ProductFilter);
export { ProductFilter };
//# sourceMappingURL=product-filter.input.js.map