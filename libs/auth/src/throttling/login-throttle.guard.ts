import { type CanActivate, type ExecutionContext, Injectable, Logger, UseGuards } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ApiError, ErrorCode, RedisService } from '@app/common';
import { AppConfig } from '@app/config';
import type { RequestContext } from '../caller.js';

/**
 * Slows password guessing on sign-in mutations: a fixed window of attempts per email (wherever they come
 * from) and per client address (whichever emails it tries), counted in Redis so every API process shares
 * them (in process when REDIS_URL is unset). Past either limit: RATE_LIMITED with Retry-After. If Redis
 * fails the attempt goes through: a limit is a guard rail, not a record.
 *
 * Why not @nestjs/throttler: it ships CommonJS that require()s the ESM-only @nestjs/common 12, which Node
 * runs but Jest's module loader cannot on Node 20 (it needs Node 24.9), so no test could exercise it.
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  private readonly logger = new Logger(LoginThrottleGuard.name);

  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const email = gql.getArgs<{ input?: { email?: unknown } }>().input?.email;
    const windowMs = this.config.get('LOGIN_RATE_LIMIT_WINDOW_SECONDS') * 1000;
    const checks: [string, number][] = [[`login:ip:${ctx.req?.ip ?? 'unknown'}`, this.config.get('LOGIN_RATE_LIMIT_PER_IP')]];
    if (typeof email === 'string') checks.push([`login:email:${email.trim().toLowerCase()}`, this.config.get('LOGIN_RATE_LIMIT_PER_EMAIL')]);
    let retryAfter = 0;
    try {
      for (const [key, limit] of checks) {
        const { count, msLeft } = await this.redis.hit(`throttle:${key}`, windowMs);
        if (count > limit) retryAfter = Math.max(retryAfter, Math.ceil(msLeft / 1000));
      }
    } catch (err) {
      this.logger.warn(`sign-in rate limit not applied: ${(err as Error).message}`);
      return true;
    }
    if (retryAfter > 0) {
      ctx.res?.header('Retry-After', String(retryAfter));
      throw new ApiError(ErrorCode.RATE_LIMITED, `Too many sign-in attempts; try again in ${retryAfter} s`, { retryAfterSeconds: retryAfter });
    }
    return true;
  }
}

/** Put on sign-in mutations. */
export const LoginRateLimited = () => UseGuards(LoginThrottleGuard);
