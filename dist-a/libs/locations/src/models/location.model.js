var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GeoPoint } from '../../../common/src/index.js';
export var LocationTypeEnum;
(function (LocationTypeEnum) {
    LocationTypeEnum["STORE"] = "STORE";
    LocationTypeEnum["WAREHOUSE"] = "WAREHOUSE";
})(LocationTypeEnum || (LocationTypeEnum = {}));
registerEnumType(LocationTypeEnum, { name: 'LocationType' });
let Address = class Address {
    line1;
    city;
    postalCode;
    country;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Address.prototype, "line1", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Address.prototype, "city", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Address.prototype, "postalCode", void 0);
__decorate([
    Field(() => String, { description: 'ISO 3166-1 alpha-2' }),
    __metadata("design:type", String)
], Address.prototype, "country", void 0);
Address = __decorate([
    ObjectType()
], Address);
export { Address };
let OpeningHours = class OpeningHours {
    day;
    opens;
    closes;
};
__decorate([
    Field(() => String, { description: 'MON … SUN' }),
    __metadata("design:type", String)
], OpeningHours.prototype, "day", void 0);
__decorate([
    Field(() => String, { description: 'HH:MM' }),
    __metadata("design:type", String)
], OpeningHours.prototype, "opens", void 0);
__decorate([
    Field(() => String, { description: 'HH:MM' }),
    __metadata("design:type", String)
], OpeningHours.prototype, "closes", void 0);
OpeningHours = __decorate([
    ObjectType({ description: 'Opening hours for one day of the week, in the location\'s time zone.' })
], OpeningHours);
export { OpeningHours };
let Location = class Location {
    id;
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
    Field(() => ID),
    __metadata("design:type", String)
], Location.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Location.prototype, "code", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Location.prototype, "name", void 0);
__decorate([
    Field(() => LocationTypeEnum),
    __metadata("design:type", String)
], Location.prototype, "type", void 0);
__decorate([
    Field(() => GeoPoint),
    __metadata("design:type", GeoPoint)
], Location.prototype, "geo", void 0);
__decorate([
    Field(() => Address, { nullable: true }),
    __metadata("design:type", Object)
], Location.prototype, "address", void 0);
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], Location.prototype, "pickupEnabled", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'How long a ready pickup is held, as an ISO-8601 duration (e.g. PT48H).' }),
    __metadata("design:type", Object)
], Location.prototype, "pickupHold", void 0);
__decorate([
    Field(() => String, { description: 'IANA time zone, e.g. Europe/Paris' }),
    __metadata("design:type", String)
], Location.prototype, "timeZone", void 0);
__decorate([
    Field(() => [OpeningHours]),
    __metadata("design:type", Array)
], Location.prototype, "openingHours", void 0);
Location = __decorate([
    ObjectType({ description: 'A store customers walk into, or a warehouse.' })
], Location);
export { Location };
//# sourceMappingURL=location.model.js.map