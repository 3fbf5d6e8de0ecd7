var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var Staff_1;
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { StaffRole } from '../../../auth/src/index.js';
import { UserError } from '../../../common/src/index.js';
import { StaffEntity } from '../entities/staff.entity.js';
let Staff = Staff_1 = class Staff {
    id;
    email;
    name;
    role;
    locationId;
    static from(e) {
        return Object.assign(new Staff_1(), { id: e.id, email: e.email, name: e.name, role: e.role, locationId: e.locationId });
    }
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Staff.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Staff.prototype, "email", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Staff.prototype, "name", void 0);
__decorate([
    Field(() => StaffRole),
    __metadata("design:type", String)
], Staff.prototype, "role", void 0);
Staff = Staff_1 = __decorate([
    ObjectType({ description: 'A member of staff: role and home location decide what they may do.' })
], Staff);
export { Staff };
let StaffLoginPayload = class StaffLoginPayload {
    token;
    staff;
    userErrors;
};
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], StaffLoginPayload.prototype, "token", void 0);
__decorate([
    Field(() => Staff, { nullable: true }),
    __metadata("design:type", Object)
], StaffLoginPayload.prototype, "staff", void 0);
__decorate([
    Field(() => [UserError]),
    __metadata("design:type", Array)
], StaffLoginPayload.prototype, "userErrors", void 0);
StaffLoginPayload = __decorate([
    ObjectType()
], StaffLoginPayload);
export { StaffLoginPayload };
let StaffPayload = class StaffPayload {
    staff;
    userErrors;
};
__decorate([
    Field(() => Staff, { nullable: true }),
    __metadata("design:type", Object)
], StaffPayload.prototype, "staff", void 0);
__decorate([
    Field(() => [UserError]),
    __metadata("design:type", Array)
], StaffPayload.prototype, "userErrors", void 0);
StaffPayload = __decorate([
    ObjectType()
], StaffPayload);
export { StaffPayload };
//# sourceMappingURL=staff.model.js.map