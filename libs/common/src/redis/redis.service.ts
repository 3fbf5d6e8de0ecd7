/**
 * The little of Redis the service uses: short-lived keys (caches, rate limits) and pub/sub.
 * Redis is never the only copy of anything; PostgreSQL is the record.
 * Backed by ioredis when REDIS_URL is set, by an in-process stand-in otherwise.
 */
export abstract class RedisService {
  abstract readonly kind: 'redis' | 'memory';
  abstract ping(): Promise<void>;
  abstract get(key: string): Promise<string | null>;
  abstract set(key: string, value: string, ttlMs?: number): Promise<void>;
  abstract del(...keys: string[]): Promise<void>;
  /** Increments a counter, starting its expiry window on first use; returns the new value. */
  abstract incr(key: string, windowMs: number): Promise<number>;
  /** As `incr`, also returning the milliseconds left in the window (for Retry-After). */
  abstract hit(key: string, windowMs: number): Promise<{ count: number; msLeft: number }>;
  abstract publish(channel: string, message: string): Promise<void>;
  /** Subscribes `handler` to a channel; the returned function unsubscribes it. */
  abstract subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  abstract close(): Promise<void>;
  /** Whether commands can run now (false while Redis is unreachable). */
  abstract readonly ready: boolean;
  /** Calls `fn` when the subscription connection drops (its subscribers miss events until they resubscribe). */
  abstract onSubscriptionsLost(fn: () => void): () => void;
  /** Calls `fn` when the subscription connection is back after a loss (subscribed again by ioredis). */
  abstract onSubscriptionsRestored(fn: () => void): () => void;
}
