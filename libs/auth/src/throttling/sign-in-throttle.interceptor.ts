import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, mergeMap, type Observable, switchMap } from 'rxjs';
import { ErrorCode } from '@app/common';
import type { Caller, RequestContext } from '../caller.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** Whose failures an operation counts: the account named by `input.email`, the signed-in caller's own, or none (sign-up). */
type AccountOf = 'email' | 'caller' | 'none';
const ACCOUNT_OF = 'auth:signInAccountOf';

interface Outcome {
  token?: string | null;
  userErrors?: { code: string }[];
}

/**
 * Applies SignInThrottle around a mutation that checks a password: admitted first, then the payload
 * tells how it went (INVALID_CREDENTIALS counts a failure; a token clears the count).
 */
@Injectable()
export class SignInThrottleInterceptor implements NestInterceptor {
  constructor(
    private readonly throttle: SignInThrottle,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler<Outcome>): Observable<Outcome> {
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const accountOf = this.reflector.get<AccountOf>(ACCOUNT_OF, context.getHandler()) ?? 'email';
    const account = accountKey(accountOf, gql.getArgs<{ input?: { email?: unknown } }>(), ctx.caller);
    return from(this.throttle.admit(account, ctx.req?.ip)).pipe(
      switchMap(() => next.handle()),
      mergeMap(async (outcome) => {
        if (account && outcome?.userErrors?.some((e) => e.code === ErrorCode.INVALID_CREDENTIALS)) await this.throttle.failed(account);
        else if (account && outcome?.token) await this.throttle.succeeded(account);
        return outcome;
      }),
    );
  }
}

function accountKey(accountOf: AccountOf, args: { input?: { email?: unknown } }, caller: Caller): string | null {
  if (accountOf === 'email') return typeof args.input?.email === 'string' ? `email:${args.input.email.trim().toLowerCase()}` : null;
  if (accountOf === 'caller')
    return caller.kind === 'staff' ? `staff:${caller.staffId}` : caller.kind === 'customer' ? `customer:${caller.customerId}` : null;
  return null;
}

/** Put on mutations that check a password (RATE_LIMITED, HTTP 429 with Retry-After, when they must wait). */
export const SignInRateLimited = (accountOf: AccountOf = 'email') =>
  applyDecorators(SetMetadata(ACCOUNT_OF, accountOf), UseInterceptors(SignInThrottleInterceptor));
