var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, LoginRateLimited } from '../../../auth/src/index.js';
import { payload } from '../../../common/src/index.js';
import { Location, LocationsService, toLocation } from '../../../locations/src/index.js';
import { StaffCreateInput, StaffLoginInput } from '../dto/staff.inputs.js';
import { Staff, StaffLoginPayload, StaffPayload } from '../models/staff.model.js';
import { StaffService } from '../services/staff.service.js';
let StaffResolver = class StaffResolver {
    staff;
    locations;
    constructor(staff, locations) {
        this.staff = staff;
        this.locations = locations;
    }
    async staffLogin(input) {
        const p = await payload('session', () => this.staff.login(input));
        return { token: p.session?.token ?? null, staff: p.session ? Staff.from(p.session.staff) : null, userErrors: p.userErrors };
    }
    staffCreate(ctx, input) {
        return payload('staff', async () => Staff.from(await this.staff.create(ctx.caller, input)));
    }
    async location(staff, ctx) {
        if (!staff.locationId)
            return null;
        const l = await this.locations.load(ctx, staff.locationId);
        return l && toLocation(l);
    }
};
__decorate([
    Mutation(() => StaffLoginPayload, { description: 'Rate limited per email and per client address (RATE_LIMITED).' }),
    LoginRateLimited(),
    __param(0, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [StaffLoginInput]),
    __metadata("design:returntype", Promise)
], StaffResolver.prototype, "staffLogin", null);
__decorate([
    Mutation(() => StaffPayload, { description: 'Admins add anyone; managers add associates to their own store.' }),
    __param(0, Ctx()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, StaffCreateInput]),
    __metadata("design:returntype", Promise)
], StaffResolver.prototype, "staffCreate", null);
__decorate([
    ResolveField(() => Location, { nullable: true }),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Staff, Object]),
    __metadata("design:returntype", Promise)
], StaffResolver.prototype, "location", null);
StaffResolver = __decorate([
    Resolver(() => Staff),
    __metadata("design:paramtypes", [StaffService,
        LocationsService])
], StaffResolver);
export { StaffResolver };
//# sourceMappingURL=staff.resolver.js.map