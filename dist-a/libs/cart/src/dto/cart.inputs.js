var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { FulfillmentType } from '../fulfillment-type.js';
let CartFulfillmentInput = class CartFulfillmentInput {
    type;
    locationId;
};
__decorate([
    Field(() => FulfillmentType, { description: 'DELIVERY, or PICKUP with a pickup store.' }),
    IsEnum(FulfillmentType),
    __metadata("design:type", String)
], CartFulfillmentInput.prototype, "type", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The pickup store, for PICKUP.' }),
    IsOptional(),
    IsUUID('all', { message: 'locationId must be a location id' }),
    __metadata("design:type", String)
], CartFulfillmentInput.prototype, "locationId", void 0);
CartFulfillmentInput = __decorate([
    InputType()
], CartFulfillmentInput);
export { CartFulfillmentInput };
let CartLineInput = class CartLineInput {
    variantId;
    quantity;
    fulfillment;
};
__decorate([
    Field(() => ID),
    IsUUID('all', { message: 'variantId must be a variant id' }),
    __metadata("design:type", String)
], CartLineInput.prototype, "variantId", void 0);
__decorate([
    Field(() => Int, { description: 'From 1 to the per-line maximum (INVALID_QUANTITY above it).' }),
    IsInt(),
    Min(1),
    __metadata("design:type", Number)
], CartLineInput.prototype, "quantity", void 0);
__decorate([
    Field(() => CartFulfillmentInput),
    ValidateNested(),
    Type(() => CartFulfillmentInput),
    __metadata("design:type", CartFulfillmentInput)
], CartLineInput.prototype, "fulfillment", void 0);
CartLineInput = __decorate([
    InputType()
], CartLineInput);
export { CartLineInput };
let CartLineUpdateInput = class CartLineUpdateInput {
    id;
    quantity;
};
__decorate([
    Field(() => ID),
    IsUUID('all', { message: 'id must be a cart line id' }),
    __metadata("design:type", String)
], CartLineUpdateInput.prototype, "id", void 0);
__decorate([
    Field(() => Int),
    IsInt(),
    Min(1),
    __metadata("design:type", Number)
], CartLineUpdateInput.prototype, "quantity", void 0);
CartLineUpdateInput = __decorate([
    InputType()
], CartLineUpdateInput);
export { CartLineUpdateInput };
//# sourceMappingURL=cart.inputs.js.map