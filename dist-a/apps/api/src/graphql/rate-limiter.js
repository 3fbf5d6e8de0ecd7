var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ErrorCode, RedisService } from '../../../../libs/common/src/index.js';
import { AppConfig } from '../../../../libs/config/src/index.js';
/**
 * Per-client limits by operation class, a fixed one-minute window counted in Redis (shared by every
 * process). A client is its account when signed in, else its address. Used by the GraphQL plugin and
 * by the response cache, so an answer from memory counts like any other. If Redis is unreachable the
 * operation goes through.
 */
let RateLimiter = class RateLimiter {
    redis;
    logger = new Logger('RateLimit');
    limits;
    enabled;
    constructor(redis, config) {
        this.redis = redis;
        this.limits = {
            read: config.get('RATE_LIMIT_READS_PER_MINUTE'),
            write: config.get('RATE_LIMIT_WRITES_PER_MINUTE'),
            checkout: config.get('RATE_LIMIT_CHECKOUTS_PER_MINUTE'),
        };
        this.enabled = !config.get('RATE_LIMIT_DISABLED');
    }
    /** Counts one operation; the RATE_LIMITED error (HTTP 429, Retry-After) when the client is past its limit. */
    async count(cls, caller, ip) {
        if (!this.enabled)
            return null;
        const who = caller.kind === 'staff' ? `staff:${caller.staffId}` : caller.kind === 'customer' ? `customer:${caller.customerId}` : `ip:${ip ?? 'unknown'}`;
        let hit;
        try {
            hit = await this.redis.hit(`rate:${cls}:${who}`, 60_000);
        }
        catch (err) {
            this.logger.warn(`rate limit not applied: ${err.message}`);
            return null;
        }
        if (hit.count <= this.limits[cls])
            return null;
        const retryAfter = Math.max(1, Math.ceil(hit.msLeft / 1000));
        return new GraphQLError(`Too many ${cls === 'read' ? 'queries' : cls === 'checkout' ? 'checkouts' : 'changes'}; try again in ${retryAfter} s`, {
            extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } },
        });
    }
};
RateLimiter = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [RedisService,
        AppConfig])
], RateLimiter);
export { RateLimiter };
//# sourceMappingURL=rate-limiter.js.map