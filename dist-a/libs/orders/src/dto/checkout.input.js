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
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { E164 } from '../../../customers/src/index.js';
import { AddressInput } from '../../../locations/src/index.js';
let ContactInput = class ContactInput {
    email;
    phone;
    name;
};
__decorate([
    Field(() => String),
    IsEmail({}, { message: 'contact.email must be an email address' }),
    MaxLength(254),
    __metadata("design:type", String)
], ContactInput.prototype, "email", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'E.164; text messages go here too.' }),
    IsOptional(),
    Matches(E164, { message: 'contact.phone must be in E.164 form, e.g. +33612345678' }),
    __metadata("design:type", String)
], ContactInput.prototype, "phone", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    Length(1, 200),
    __metadata("design:type", String)
], ContactInput.prototype, "name", void 0);
ContactInput = __decorate([
    InputType()
], ContactInput);
export { ContactInput };
let CheckoutInput = class CheckoutInput {
    cartId;
    idempotencyKey;
    contact;
    shippingAddress;
};
__decorate([
    Field(() => ID),
    IsUUID('all', { message: 'cartId must be a cart id' }),
    __metadata("design:type", String)
], CheckoutInput.prototype, "cartId", void 0);
__decorate([
    Field(() => String, { description: 'Chosen by the client per purchase; a retry with the same key returns the same order.' }),
    Matches(/^[\w.:-]{1,100}$/, { message: 'idempotencyKey: 1 to 100 letters, digits, _ . : or -' }),
    __metadata("design:type", String)
], CheckoutInput.prototype, "idempotencyKey", void 0);
__decorate([
    Field(() => ContactInput, { nullable: true, description: 'Required for guests; defaults to the customer\'s account.' }),
    IsOptional(),
    ValidateNested(),
    Type(() => ContactInput),
    __metadata("design:type", ContactInput)
], CheckoutInput.prototype, "contact", void 0);
__decorate([
    Field(() => AddressInput, { nullable: true, description: 'Required when a line is delivered.' }),
    IsOptional(),
    ValidateNested(),
    Type(() => AddressInput),
    __metadata("design:type", AddressInput)
], CheckoutInput.prototype, "shippingAddress", void 0);
CheckoutInput = __decorate([
    InputType()
], CheckoutInput);
export { CheckoutInput };
//# sourceMappingURL=checkout.input.js.map