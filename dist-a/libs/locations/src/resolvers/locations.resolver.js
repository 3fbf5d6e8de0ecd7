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
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { StaffOnly, StaffRole } from '../../../auth/src/index.js';
import { payload } from '../../../common/src/index.js';
import { LocationCreateInput } from '../dto/location-create.input.js';
import { toLocation } from '../models/location.mapper.js';
import { Location, LocationTypeEnum } from '../models/location.model.js';
import { LocationPayload } from '../models/location.payload.js';
import { LocationsService } from '../services/locations.service.js';
let LocationsResolver = class LocationsResolver {
    service;
    constructor(service) {
        this.service = service;
    }
    async location(id) {
        const l = await this.service.find(id);
        return l && toLocation(l);
    }
    async locations(type) {
        return (await this.service.list(type)).map(toLocation);
    }
    locationCreate(input) {
        return payload('location', async () => toLocation(await this.service.create(input)));
    }
};
__decorate([
    Query(() => Location, { nullable: true }),
    __param(0, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], LocationsResolver.prototype, "location", null);
__decorate([
    Query(() => [Location], { description: 'Every location, by name; filter by type to list stores.' }),
    __param(0, Args('type', { type: () => LocationTypeEnum, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], LocationsResolver.prototype, "locations", null);
__decorate([
    Mutation(() => LocationPayload),
    StaffOnly(StaffRole.ADMIN),
    __param(0, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [LocationCreateInput]),
    __metadata("design:returntype", Promise)
], LocationsResolver.prototype, "locationCreate", null);
LocationsResolver = __decorate([
    Resolver(() => Location),
    __metadata("design:paramtypes", [LocationsService])
], LocationsResolver);
export { LocationsResolver };
//# sourceMappingURL=locations.resolver.js.map