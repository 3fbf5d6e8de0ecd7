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
import { IsEmail, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
export const E164 = /^\+[1-9]\d{6,14}$/;
let RegisterInput = class RegisterInput {
    email;
    password;
    name;
    phone;
    cartId;
};
__decorate([
    Field(() => String),
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(254),
    __metadata("design:type", String)
], RegisterInput.prototype, "email", void 0);
__decorate([
    Field(() => String),
    IsString(),
    Length(10, 200, { message: 'password must be 10 to 200 characters' }),
    __metadata("design:type", String)
], RegisterInput.prototype, "password", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    Length(1, 200),
    __metadata("design:type", String)
], RegisterInput.prototype, "name", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'E.164, e.g. +33612345678' }),
    IsOptional(),
    Matches(E164, { message: 'phone must be in E.164 form, e.g. +33612345678' }),
    __metadata("design:type", String)
], RegisterInput.prototype, "phone", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'A guest cart to bring into the new account.' }),
    IsOptional(),
    IsUUID('all', { message: 'cartId must be a cart id' }),
    __metadata("design:type", String)
], RegisterInput.prototype, "cartId", void 0);
RegisterInput = __decorate([
    InputType()
], RegisterInput);
export { RegisterInput };
let LoginInput = class LoginInput {
    email;
    password;
    cartId;
};
__decorate([
    Field(() => String),
    IsString(),
    MaxLength(254),
    __metadata("design:type", String)
], LoginInput.prototype, "email", void 0);
__decorate([
    Field(() => String),
    IsString(),
    MaxLength(200),
    __metadata("design:type", String)
], LoginInput.prototype, "password", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'A guest cart to merge into the customer\'s cart.' }),
    IsOptional(),
    IsUUID('all', { message: 'cartId must be a cart id' }),
    __metadata("design:type", String)
], LoginInput.prototype, "cartId", void 0);
LoginInput = __decorate([
    InputType()
], LoginInput);
export { LoginInput };
//# sourceMappingURL=customer.inputs.js.map