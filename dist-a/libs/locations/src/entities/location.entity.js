var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
let LocationEntity = class LocationEntity {
    id;
    code;
    name;
    type;
    lat;
    lng;
    addressLine1;
    addressCity;
    addressPostalCode;
    addressCountry;
    pickupEnabled;
    pickupHoldSeconds;
    timeZone;
    openingHours;
    createdAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], LocationEntity.prototype, "id", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], LocationEntity.prototype, "code", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], LocationEntity.prototype, "name", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], LocationEntity.prototype, "type", void 0);
__decorate([
    Column('double precision'),
    __metadata("design:type", Number)
], LocationEntity.prototype, "lat", void 0);
__decorate([
    Column('double precision'),
    __metadata("design:type", Number)
], LocationEntity.prototype, "lng", void 0);
__decorate([
    Column('varchar', { name: 'address_line1', nullable: true }),
    __metadata("design:type", Object)
], LocationEntity.prototype, "addressLine1", void 0);
__decorate([
    Column('varchar', { name: 'address_city', nullable: true }),
    __metadata("design:type", Object)
], LocationEntity.prototype, "addressCity", void 0);
__decorate([
    Column('varchar', { name: 'address_postal_code', nullable: true }),
    __metadata("design:type", Object)
], LocationEntity.prototype, "addressPostalCode", void 0);
__decorate([
    Column('char', { name: 'address_country', nullable: true }),
    __metadata("design:type", Object)
], LocationEntity.prototype, "addressCountry", void 0);
__decorate([
    Column('boolean', { name: 'pickup_enabled' }),
    __metadata("design:type", Boolean)
], LocationEntity.prototype, "pickupEnabled", void 0);
__decorate([
    Column('integer', { name: 'pickup_hold_seconds' }),
    __metadata("design:type", Number)
], LocationEntity.prototype, "pickupHoldSeconds", void 0);
__decorate([
    Column('varchar', { name: 'time_zone' }),
    __metadata("design:type", String)
], LocationEntity.prototype, "timeZone", void 0);
__decorate([
    Column('jsonb', { name: 'opening_hours' }),
    __metadata("design:type", Array)
], LocationEntity.prototype, "openingHours", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], LocationEntity.prototype, "createdAt", void 0);
LocationEntity = __decorate([
    Entity('location')
], LocationEntity);
export { LocationEntity };
/** LocationEntity's columns under its property names, for another domain's plain SQL that joins `alias`. */
export const locationColumns = (alias) => ['id', 'code', 'name', 'type', 'lat', 'lng', ['address_line1', 'addressLine1'], ['address_city', 'addressCity'], ['address_postal_code', 'addressPostalCode'],
    ['address_country', 'addressCountry'], ['pickup_enabled', 'pickupEnabled'], ['pickup_hold_seconds', 'pickupHoldSeconds'], ['time_zone', 'timeZone'],
    ['opening_hours', 'openingHours'], ['created_at', 'createdAt']]
    .map((c) => (Array.isArray(c) ? `${alias}.${c[0]} AS "${c[1]}"` : `${alias}.${c} AS "${c}"`)).join(', ');
//# sourceMappingURL=location.entity.js.map