import { EventEmitter } from 'node:events';
import { Clock } from '../clock/clock.js';
import { RedisService } from './redis.service.js';

/** The stand-in for one process: same semantics as the Redis-backed one, nothing shared. */
export class InMemoryRedisService extends RedisService {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, { value: string; expiresAt: number }>();
  private readonly bus = new EventEmitter().setMaxListeners(0);

  readonly ready = true;

  constructor(private readonly clock = new Clock()) {
    super();
  }

  async ping(): Promise<void> {}

  onSubscriptionsLost(): () => void {
    return () => undefined; // one process: it cannot lose its own bus
  }

  onSubscriptionsRestored(): () => void {
    return () => undefined;
  }

  async get(key: string): Promise<string | null> {
    const hit = this.values.get(key);
    if (!hit) return null;
    if (hit.expiresAt <= this.clock.now()) {
      this.values.delete(key);
      return null;
    }
    return hit.value;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.values.set(key, { value, expiresAt: ttlMs ? this.clock.now() + ttlMs : Infinity });
  }

  async del(...keys: string[]): Promise<void> {
    for (const k of keys) this.values.delete(k);
  }

  async incr(key: string, windowMs: number): Promise<number> {
    const current = await this.get(key);
    const next = (current ? Number(current) : 0) + 1;
    const expiresAt = current ? this.values.get(key)!.expiresAt : this.clock.now() + windowMs;
    this.values.set(key, { value: String(next), expiresAt });
    return next;
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; msLeft: number }> {
    const count = await this.incr(key, windowMs);
    return { count, msLeft: Math.max(0, this.values.get(key)!.expiresAt - this.clock.now()) };
  }

  async publish(channel: string, message: string): Promise<void> {
    queueMicrotask(() => this.bus.emit(channel, message));
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    this.bus.on(channel, handler);
    return async () => void this.bus.off(channel, handler);
  }

  async close(): Promise<void> {
    this.values.clear();
    this.bus.removeAllListeners();
  }
}
