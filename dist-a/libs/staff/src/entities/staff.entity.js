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
let StaffEntity = class StaffEntity {
    id;
    email;
    passwordHash;
    name;
    role;
    locationId;
    active;
    createdAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], StaffEntity.prototype, "id", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], StaffEntity.prototype, "email", void 0);
__decorate([
    Column('text', { name: 'password_hash', select: false }),
    __metadata("design:type", String)
], StaffEntity.prototype, "passwordHash", void 0);
__decorate([
    Column('varchar', { nullable: true }),
    __metadata("design:type", Object)
], StaffEntity.prototype, "name", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], StaffEntity.prototype, "role", void 0);
__decorate([
    Column('uuid', { name: 'location_id', nullable: true }),
    __metadata("design:type", Object)
], StaffEntity.prototype, "locationId", void 0);
__decorate([
    Column('boolean'),
    __metadata("design:type", Boolean)
], StaffEntity.prototype, "active", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], StaffEntity.prototype, "createdAt", void 0);
StaffEntity = __decorate([
    Entity('staff')
], StaffEntity);
export { StaffEntity };
//# sourceMappingURL=staff.entity.js.map