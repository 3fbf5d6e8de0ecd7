/**
 * The little of Redis the service uses: short-lived keys (caches, rate limits) and pub/sub.
 * Redis is never the only copy of anything; PostgreSQL is the record.
 * Backed by ioredis when REDIS_URL is set, by an in-process stand-in otherwise.
 */
export class RedisService {
}
//# sourceMappingURL=redis.service.js.map