import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { requireStaff } from './access.js';
import { type RequestContext, StaffRole } from './caller.js';

const STAFF_ROLES = 'auth:staffRoles';

@Injectable()
export class StaffGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<StaffRole[]>(STAFF_ROLES, [context.getHandler(), context.getClass()]) ?? [];
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    requireStaff(ctx.caller, roles);
    return true;
  }
}

/** Staff only; with roles, only those roles. Location scope is checked where the location is known. */
export const StaffOnly = (...roles: StaffRole[]) => applyDecorators(SetMetadata(STAFF_ROLES, roles), UseGuards(StaffGuard));

/** The request context (caller, channel, loaders) as a resolver argument. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  GqlExecutionContext.create(context).getContext<RequestContext>(),
);
