var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { applyDecorators, createParamDecorator, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { requireStaff } from './access.js';
import { StaffRole } from './caller.js';
const STAFF_ROLES = 'auth:staffRoles';
let StaffGuard = class StaffGuard {
    reflector;
    constructor(reflector) {
        this.reflector = reflector;
    }
    canActivate(context) {
        const roles = this.reflector.getAllAndOverride(STAFF_ROLES, [context.getHandler(), context.getClass()]) ?? [];
        const ctx = GqlExecutionContext.create(context).getContext();
        requireStaff(ctx.caller, roles);
        return true;
    }
};
StaffGuard = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [Reflector])
], StaffGuard);
export { StaffGuard };
/** Staff only; with roles, only those roles. Location scope is checked where the location is known. */
export const StaffOnly = (...roles) => applyDecorators(SetMetadata(STAFF_ROLES, roles), UseGuards(StaffGuard));
/** The request context (caller, channel, loaders) as a resolver argument. */
export const Ctx = createParamDecorator((_, context) => GqlExecutionContext.create(context).getContext());
//# sourceMappingURL=auth.decorators.js.map