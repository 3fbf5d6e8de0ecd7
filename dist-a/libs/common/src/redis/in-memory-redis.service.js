import { EventEmitter } from 'node:events';
import { RedisService } from './redis.service.js';
/** The stand-in for one process: same semantics as the Redis-backed one, nothing shared. */
export class InMemoryRedisService extends RedisService {
    kind = 'memory';
    values = new Map();
    bus = new EventEmitter().setMaxListeners(0);
    ready = true;
    async ping() { }
    onSubscriptionsLost() {
        return () => undefined; // one process: it cannot lose its own bus
    }
    async get(key) {
        const hit = this.values.get(key);
        if (!hit)
            return null;
        if (hit.expiresAt <= Date.now()) {
            this.values.delete(key);
            return null;
        }
        return hit.value;
    }
    async set(key, value, ttlMs) {
        this.values.set(key, { value, expiresAt: ttlMs ? Date.now() + ttlMs : Infinity });
    }
    async del(...keys) {
        for (const k of keys)
            this.values.delete(k);
    }
    async incr(key, windowMs) {
        const current = await this.get(key);
        const next = (current ? Number(current) : 0) + 1;
        const expiresAt = current ? this.values.get(key).expiresAt : Date.now() + windowMs;
        this.values.set(key, { value: String(next), expiresAt });
        return next;
    }
    async hit(key, windowMs) {
        const count = await this.incr(key, windowMs);
        return { count, msLeft: Math.max(0, this.values.get(key).expiresAt - Date.now()) };
    }
    async publish(channel, message) {
        queueMicrotask(() => this.bus.emit(channel, message));
    }
    async subscribe(channel, handler) {
        this.bus.on(channel, handler);
        return async () => void this.bus.off(channel, handler);
    }
    async close() {
        this.values.clear();
        this.bus.removeAllListeners();
    }
}
//# sourceMappingURL=in-memory-redis.service.js.map