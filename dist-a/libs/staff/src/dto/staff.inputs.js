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
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { StaffRole } from '../../../auth/src/index.js';
let StaffLoginInput = class StaffLoginInput {
    email;
    password;
};
__decorate([
    Field(() => String),
    IsString(),
    MaxLength(254),
    __metadata("design:type", String)
], StaffLoginInput.prototype, "email", void 0);
__decorate([
    Field(() => String),
    IsString(),
    MaxLength(200),
    __metadata("design:type", String)
], StaffLoginInput.prototype, "password", void 0);
StaffLoginInput = __decorate([
    InputType()
], StaffLoginInput);
export { StaffLoginInput };
let StaffCreateInput = class StaffCreateInput {
    email;
    password;
    name;
    role;
    locationId;
};
__decorate([
    Field(() => String),
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(254),
    __metadata("design:type", String)
], StaffCreateInput.prototype, "email", void 0);
__decorate([
    Field(() => String),
    IsString(),
    Length(10, 200, { message: 'password must be 10 to 200 characters' }),
    __metadata("design:type", String)
], StaffCreateInput.prototype, "password", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    Length(1, 200),
    __metadata("design:type", String)
], StaffCreateInput.prototype, "name", void 0);
__decorate([
    Field(() => StaffRole),
    IsIn(Object.values(StaffRole)),
    __metadata("design:type", String)
], StaffCreateInput.prototype, "role", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'Home location; required for associates and managers.' }),
    IsOptional(),
    IsUUID('all', { message: 'locationId must be a location id' }),
    __metadata("design:type", String)
], StaffCreateInput.prototype, "locationId", void 0);
StaffCreateInput = __decorate([
    InputType()
], StaffCreateInput);
export { StaffCreateInput };
//# sourceMappingURL=staff.inputs.js.map