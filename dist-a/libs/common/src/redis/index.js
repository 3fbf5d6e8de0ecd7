export { RedisService } from './redis.service.js';
export { RedisModule } from './redis.module.js';
export { InMemoryRedisService } from './in-memory-redis.service.js';
export { IoRedisService } from './io-redis.service.js';
//# sourceMappingURL=index.js.map