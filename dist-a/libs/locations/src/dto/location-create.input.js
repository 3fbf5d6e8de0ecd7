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
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GeoPointInput } from '../../../common/src/index.js';
import { LocationTypeEnum } from '../models/location.model.js';
let AddressInput = class AddressInput {
    line1;
    city;
    postalCode;
    country;
};
__decorate([
    Field(() => String),
    IsString(),
    Length(1, 200),
    __metadata("design:type", String)
], AddressInput.prototype, "line1", void 0);
__decorate([
    Field(() => String),
    IsString(),
    Length(1, 100),
    __metadata("design:type", String)
], AddressInput.prototype, "city", void 0);
__decorate([
    Field(() => String),
    IsString(),
    Length(1, 20),
    __metadata("design:type", String)
], AddressInput.prototype, "postalCode", void 0);
__decorate([
    Field(() => String),
    Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as FR' }),
    __metadata("design:type", String)
], AddressInput.prototype, "country", void 0);
AddressInput = __decorate([
    InputType()
], AddressInput);
export { AddressInput };
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
let OpeningHoursInput = class OpeningHoursInput {
    day;
    opens;
    closes;
};
__decorate([
    Field(() => String),
    IsIn(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']),
    __metadata("design:type", String)
], OpeningHoursInput.prototype, "day", void 0);
__decorate([
    Field(() => String),
    Matches(HHMM, { message: 'opens must be HH:MM' }),
    __metadata("design:type", String)
], OpeningHoursInput.prototype, "opens", void 0);
__decorate([
    Field(() => String),
    Matches(HHMM, { message: 'closes must be HH:MM' }),
    __metadata("design:type", String)
], OpeningHoursInput.prototype, "closes", void 0);
OpeningHoursInput = __decorate([
    InputType()
], OpeningHoursInput);
export { OpeningHoursInput };
let LocationCreateInput = class LocationCreateInput {
    code;
    name;
    type;
    geo;
    address;
    pickupEnabled;
    pickupHold;
    timeZone;
    openingHours;
};
__decorate([
    Field(() => String),
    Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { message: 'code: 1 to 32 letters, digits, - or _' }),
    __metadata("design:type", String)
], LocationCreateInput.prototype, "code", void 0);
__decorate([
    Field(() => String),
    IsString(),
    Length(1, 200),
    __metadata("design:type", String)
], LocationCreateInput.prototype, "name", void 0);
__decorate([
    Field(() => LocationTypeEnum),
    IsIn(Object.values(LocationTypeEnum)),
    __metadata("design:type", String)
], LocationCreateInput.prototype, "type", void 0);
__decorate([
    Field(() => GeoPointInput),
    ValidateNested(),
    Type(() => GeoPointInput),
    __metadata("design:type", GeoPointInput)
], LocationCreateInput.prototype, "geo", void 0);
__decorate([
    Field(() => AddressInput, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => AddressInput),
    __metadata("design:type", AddressInput)
], LocationCreateInput.prototype, "address", void 0);
__decorate([
    Field(() => Boolean, { nullable: true, description: 'Customers may collect orders here (stores only). Default: true for stores.' }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], LocationCreateInput.prototype, "pickupEnabled", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'ISO-8601 duration a ready pickup is held. Default PT48H.' }),
    IsOptional(),
    IsString(),
    MaxLength(40),
    __metadata("design:type", String)
], LocationCreateInput.prototype, "pickupHold", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'IANA time zone. Default Europe/Paris.' }),
    IsOptional(),
    IsString(),
    MaxLength(64),
    __metadata("design:type", String)
], LocationCreateInput.prototype, "timeZone", void 0);
__decorate([
    Field(() => [OpeningHoursInput], { nullable: true }),
    IsOptional(),
    ArrayMaxSize(14),
    ValidateNested({ each: true }),
    Type(() => OpeningHoursInput),
    __metadata("design:type", Array)
], LocationCreateInput.prototype, "openingHours", void 0);
LocationCreateInput = __decorate([
    InputType()
], LocationCreateInput);
export { LocationCreateInput };
//# sourceMappingURL=location-create.input.js.map