import { afterEach, describe, expect, it } from '@jest/globals';
import type { TransactionHost } from '../database/transaction-host.js';
import { EventBus } from '../events/event-bus.js';
import { InMemoryRedisService } from '../redis/in-memory-redis.service.js';
import { invalidateOnEvents } from './invalidate-on-events.js';
import { InvalidatingCache } from './invalidating-cache.js';

describe('invalidateOnEvents', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });

  /** A cache bound to events on the in-process Redis stand-in, whose connection the test loses and restores. */
  async function bound(options: { heard?: boolean } = {}) {
    const redis = new InMemoryRedisService();
    let lost!: () => void;
    let restored!: () => void;
    Object.assign(redis, {
      onSubscriptionsLost: (fn: () => void) => ((lost = fn), () => undefined),
      onSubscriptionsRestored: (fn: () => void) => ((restored = fn), () => undefined),
    });
    const cache = new InvalidatingCache<number>({ ttlMs: 5000, degradedTtlMs: 0, maxEntries: 10, ...options });
    const dropped: string[] = [];
    const publish = async (channel: string, event: object) => {
      await redis.publish(`events:${channel}`, JSON.stringify(event));
      await new Promise((r) => setImmediate(r));
    };
    stops.push(
      await invalidateOnEvents(
        cache,
        new EventBus(redis, {} as TransactionHost),
        redis,
        { 'stock-variant': (e) => e.variantId, 'catalogue-changed': 'all' },
        (keys) => dropped.push(...keys),
      ),
    );
    return { cache, dropped, publish, lost: () => lost(), restored: () => restored() };
  }

  it('an event invalidates the name it maps to, or everything; the keys dropped are told', async () => {
    const { cache, dropped, publish } = await bound();
    cache.set('v1', 1, cache.version());
    cache.set('page', 2, cache.version(), ['v2']);
    cache.set('other', 3, cache.version());
    await publish('stock-variant', { variantId: 'v1' });
    await publish('stock-variant', { variantId: 'v2' });
    expect(cache.get('v1')).toBeUndefined();
    expect(cache.get('page')).toBeUndefined();
    expect(cache.get('other')).toBe(3);
    await publish('catalogue-changed', { productId: 'p' });
    expect(cache.get('other')).toBeUndefined();
    expect(dropped).toEqual(['v1', 'page', 'other']);
  });

  it('a cache deaf until subscribed hears once every channel is; deaf again while the subscription is lost', async () => {
    const { cache, lost, restored } = await bound({ heard: false });
    expect(cache.listening).toBe(true);
    cache.set('a', 1, cache.version());
    lost();
    expect(cache.listening).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.set('a', 1, cache.version())).toBe(false); // degradedTtlMs 0: nothing kept meanwhile
    restored();
    expect(cache.listening).toBe(true);
    expect(cache.set('a', 1, cache.version())).toBe(true);
  });

  it('while Redis cannot be subscribed to, the cache stays deaf', async () => {
    const redis = new InMemoryRedisService();
    redis.subscribe = () => Promise.reject(new Error('redis unavailable'));
    const cache = new InvalidatingCache<number>({ ttlMs: 5000, degradedTtlMs: 0, maxEntries: 10, heard: false });
    stops.push(await invalidateOnEvents(cache, new EventBus(redis, {} as TransactionHost), redis, { 'catalogue-changed': 'all' }));
    expect(cache.listening).toBe(false);
    expect(cache.set('a', 1, cache.version())).toBe(false);
  });
});
