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
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { FulfillmentType } from '../../../cart/src/index.js';
import { AddressInput } from '../../../locations/src/index.js';
import { ContactInput } from './checkout.input.js';
let AssistedOrderLineInput = class AssistedOrderLineInput {
    variantId;
    quantity;
};
__decorate([
    Field(() => ID),
    IsUUID('all', { message: 'variantId must be a variant id' }),
    __metadata("design:type", String)
], AssistedOrderLineInput.prototype, "variantId", void 0);
__decorate([
    Field(() => Int),
    IsInt(),
    Min(1),
    __metadata("design:type", Number)
], AssistedOrderLineInput.prototype, "quantity", void 0);
AssistedOrderLineInput = __decorate([
    InputType()
], AssistedOrderLineInput);
export { AssistedOrderLineInput };
let DeliveryInput = class DeliveryInput {
    type;
    address;
    locationId;
};
__decorate([
    Field(() => FulfillmentType),
    IsEnum(FulfillmentType),
    __metadata("design:type", String)
], DeliveryInput.prototype, "type", void 0);
__decorate([
    Field(() => AddressInput, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => AddressInput),
    __metadata("design:type", AddressInput)
], DeliveryInput.prototype, "address", void 0);
__decorate([
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsUUID('all', { message: 'locationId must be a location id' }),
    __metadata("design:type", String)
], DeliveryInput.prototype, "locationId", void 0);
DeliveryInput = __decorate([
    InputType({ description: 'DELIVERY to an address, or PICKUP at a store (sent there if it lacks the stock).' })
], DeliveryInput);
export { DeliveryInput };
let AssistedOrderInput = class AssistedOrderInput {
    locationId;
    customerId;
    contact;
    lines;
    delivery;
    idempotencyKey;
};
__decorate([
    Field(() => ID, { description: 'The store placing the order; the sale counts for it.' }),
    IsUUID('all', { message: 'locationId must be a location id' }),
    __metadata("design:type", String)
], AssistedOrderInput.prototype, "locationId", void 0);
__decorate([
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsUUID('all', { message: 'customerId must be a customer id' }),
    __metadata("design:type", String)
], AssistedOrderInput.prototype, "customerId", void 0);
__decorate([
    Field(() => ContactInput, { nullable: true, description: 'For a customer without an account, or to override the account\'s.' }),
    IsOptional(),
    ValidateNested(),
    Type(() => ContactInput),
    __metadata("design:type", ContactInput)
], AssistedOrderInput.prototype, "contact", void 0);
__decorate([
    Field(() => [AssistedOrderLineInput]),
    ArrayMinSize(1),
    ArrayMaxSize(50),
    ValidateNested({ each: true }),
    Type(() => AssistedOrderLineInput),
    __metadata("design:type", Array)
], AssistedOrderInput.prototype, "lines", void 0);
__decorate([
    Field(() => DeliveryInput),
    ValidateNested(),
    Type(() => DeliveryInput),
    __metadata("design:type", DeliveryInput)
], AssistedOrderInput.prototype, "delivery", void 0);
__decorate([
    Field(() => String),
    Matches(/^[\w.:-]{1,100}$/, { message: 'idempotencyKey: 1 to 100 letters, digits, _ . : or -' }),
    __metadata("design:type", String)
], AssistedOrderInput.prototype, "idempotencyKey", void 0);
AssistedOrderInput = __decorate([
    InputType()
], AssistedOrderInput);
export { AssistedOrderInput };
//# sourceMappingURL=assisted-order.input.js.map