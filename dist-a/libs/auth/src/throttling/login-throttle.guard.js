var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var LoginThrottleGuard_1;
import { Injectable, Logger, UseGuards } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ApiError, ErrorCode, RedisService } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
/**
 * Slows password guessing on sign-in mutations: a fixed window of attempts per email (wherever they come
 * from) and per client address (whichever emails it tries), counted in Redis so every API process shares
 * them (in process when REDIS_URL is unset). Past either limit: RATE_LIMITED with Retry-After. If Redis
 * fails the attempt goes through: a limit is a guard rail, not a record.
 *
 * Why not @nestjs/throttler: it ships CommonJS that require()s the ESM-only @nestjs/common 12, which Node
 * runs but Jest's module loader cannot on Node 20 (it needs Node 24.9), so no test could exercise it.
 */
let LoginThrottleGuard = LoginThrottleGuard_1 = class LoginThrottleGuard {
    redis;
    config;
    logger = new Logger(LoginThrottleGuard_1.name);
    constructor(redis, config) {
        this.redis = redis;
        this.config = config;
    }
    async canActivate(context) {
        const gql = GqlExecutionContext.create(context);
        const ctx = gql.getContext();
        const email = gql.getArgs().input?.email;
        const windowMs = this.config.get('LOGIN_RATE_LIMIT_WINDOW_SECONDS') * 1000;
        const checks = [[`login:ip:${ctx.req?.ip ?? 'unknown'}`, this.config.get('LOGIN_RATE_LIMIT_PER_IP')]];
        if (typeof email === 'string')
            checks.push([`login:email:${email.trim().toLowerCase()}`, this.config.get('LOGIN_RATE_LIMIT_PER_EMAIL')]);
        let retryAfter = 0;
        try {
            for (const [key, limit] of checks) {
                const { count, msLeft } = await this.redis.hit(`throttle:${key}`, windowMs);
                if (count > limit)
                    retryAfter = Math.max(retryAfter, Math.ceil(msLeft / 1000));
            }
        }
        catch (err) {
            this.logger.warn(`sign-in rate limit not applied: ${err.message}`);
            return true;
        }
        if (retryAfter > 0) {
            ctx.res?.header('Retry-After', String(retryAfter));
            throw new ApiError(ErrorCode.RATE_LIMITED, `Too many sign-in attempts; try again in ${retryAfter} s`, { retryAfterSeconds: retryAfter });
        }
        return true;
    }
};
LoginThrottleGuard = LoginThrottleGuard_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [RedisService,
        AppConfig])
], LoginThrottleGuard);
export { LoginThrottleGuard };
/** Put on sign-in mutations. */
export const LoginRateLimited = () => UseGuards(LoginThrottleGuard);
//# sourceMappingURL=login-throttle.guard.js.map