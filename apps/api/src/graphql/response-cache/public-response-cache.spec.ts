import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { answerChosenByStock, answerShowsStockOf, EventBus, InMemoryRedisService, type TransactionHost } from '@app/common';
import type { AppConfig } from '@app/config';
import { PublicResponseCache, redisKey } from './public-response-cache.js';

const settings: Record<string, number> = { RESPONSE_CACHE_MS: 5000, RESPONSE_CACHE_SHARED_MS: 500, GRAPHQL_MAX_TOKENS: 1000 };
const config = { get: (k: string) => settings[k] } as unknown as AppConfig;

/** A response as the cache sees it: Apollo sends the body, then the socket reports finish. */
class FakeResponse extends EventEmitter {
  statusCode = 200;
  getHeader = () => 'application/json';
  send(body: unknown) {
    return body;
  }
}

/** The in-process Redis stand-in, seen as a real one: the cache then shares copies through it. */
function sharedRedis(): InMemoryRedisService {
  return Object.defineProperty(new InMemoryRedisService(), 'kind', { value: 'redis' });
}

describe('PublicResponseCache: kept until what the answer shows changes', () => {
  let redis: InMemoryRedisService;
  let cache: PublicResponseCache;
  const caches: PublicResponseCache[] = [];

  const start = async (r: InMemoryRedisService) => {
    const c = new PublicResponseCache(config, r, new EventBus(r, {} as TransactionHost));
    await c.onModuleInit();
    caches.push(c);
    return c;
  };
  /** One request that misses `key` in `on`, shows the stock of `variants`, and answers `body`; `during` runs before it finishes. */
  const answer = async (key: string, variants: string[], body: string, during?: (req: object) => Promise<void> | void, on = cache) => {
    const req = {};
    const res = new FakeResponse();
    on.begin(key, req, res as never);
    for (const v of variants) answerShowsStockOf(req, v);
    await during?.(req);
    on.offer(req, { operationName: null });
    res.send(body);
    res.emit('finish');
    return req;
  };
  /** A miss in `on` that asks Redis first, as the middleware does. */
  const fromRedis = async (on: PublicResponseCache, key: string) => {
    const req = {};
    on.begin(key, req, new FakeResponse() as never);
    const found = await on.fromRedis(key);
    if (found) on.resolveWith(req, found);
    return found?.body.toString();
  };
  const publish = async (channel: string, event: object) => {
    await redis.publish(`events:${channel}`, JSON.stringify(event));
    await new Promise((r) => setImmediate(r));
  };

  beforeEach(async () => {
    jest.useFakeTimers({ now: 1_000_000, doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    redis = new InMemoryRedisService();
    cache = await start(redis);
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((c) => c.onModuleDestroy()));
    jest.useRealTimers();
  });

  it('keeps an answer for RESPONSE_CACHE_MS while none of its variants changes', async () => {
    await answer('page', ['v1', 'v2'], '{"data":1}');
    await publish('stock-variant', { variantId: 'other' });
    jest.advanceTimersByTime(4999);
    expect(cache.get('page')?.body.toString()).toBe('{"data":1}');
    jest.advanceTimersByTime(1);
    expect(cache.get('page')).toBeUndefined();
  });

  it('drops it when the stock of a variant it shows changes, and only the answers showing it', async () => {
    await answer('page', ['v1', 'v2'], '{"data":1}');
    await answer('other', ['v3'], '{"data":2}');
    await publish('stock-variant', { variantId: 'v2' });
    expect(cache.get('page')).toBeUndefined();
    expect(cache.get('other')?.body.toString()).toBe('{"data":2}');
    // Answered again later, it is kept again (the change was before this flight).
    await answer('page', ['v1', 'v2'], '{"data":3}');
    expect(cache.get('page')?.body.toString()).toBe('{"data":3}');
  });

  it('keeps nothing from a flight that heard of a change to its variants, nor tells its waiters it has an answer', async () => {
    let waited: Promise<unknown> | undefined;
    await answer('page', ['v1'], '{"data":"old"}', async () => {
      waited = cache.flight('page');
      await publish('stock-variant', { variantId: 'v1' }); // committed while the page was being read
    });
    expect(await waited).toBeNull();
    expect(cache.get('page')).toBeUndefined();
  });

  it('a new product drops every answer, and flights in progress keep nothing', async () => {
    await answer('page', ['v1'], '{"data":1}');
    await answer('running', ['v9'], '{"data":2}', () => publish('catalogue-changed', { productId: 'p' }));
    expect(cache.get('page')).toBeUndefined();
    expect(cache.get('running')).toBeUndefined();
  });

  it("keeps a listing chosen by stock RESPONSE_CACHE_SHARED_MS from when its flight began; its variants' changes still drop it", async () => {
    await answer('near-store', ['v1'], '{"data":1}', (req) => {
      answerChosenByStock(req);
      jest.advanceTimersByTime(200); // a slow read: the bound counts from before it
    });
    jest.advanceTimersByTime(299);
    expect(cache.get('near-store')).toBeDefined();
    jest.advanceTimersByTime(1);
    expect(cache.get('near-store')).toBeUndefined();
    await answer('near-store', ['v1'], '{"data":2}', (req) => answerChosenByStock(req));
    await publish('stock-variant', { variantId: 'v1' });
    expect(cache.get('near-store')).toBeUndefined();
  });

  it('without stock events, keeps every answer for RESPONSE_CACHE_SHARED_MS only', async () => {
    const down = new InMemoryRedisService();
    down.subscribe = () => Promise.reject(new Error('redis unavailable'));
    cache = await start(down);
    await answer('page', ['v1'], '{"data":1}');
    jest.advanceTimersByTime(500);
    expect(cache.get('page')).toBeUndefined();
  });

  it('while the subscription is lost, forgets everything and keeps briefly; once it is back, keeps long again', async () => {
    let lost!: () => void;
    let restored!: () => void;
    // The stand-in has no connection to lose: these hand the cache's callbacks to the test.
    Object.assign(redis, {
      onSubscriptionsLost: (fn: () => void) => ((lost = fn), () => undefined),
      onSubscriptionsRestored: (fn: () => void) => ((restored = fn), () => undefined),
    });
    cache = await start(redis);
    await answer('before', ['v1'], '{"data":1}');
    lost();
    expect(cache.get('before')).toBeUndefined();
    await answer('during', ['v1'], '{"data":2}');
    jest.advanceTimersByTime(500);
    expect(cache.get('during')).toBeUndefined();
    restored();
    await answer('after', ['v1'], '{"data":3}');
    jest.advanceTimersByTime(4999);
    expect(cache.get('after')).toBeDefined();
  });

  describe('copies shared through Redis', () => {
    let a: PublicResponseCache;
    let b: PublicResponseCache;
    beforeEach(async () => {
      redis = sharedRedis();
      a = await start(redis);
      b = await start(redis);
      jest.advanceTimersByTime(1); // a process refuses copies read in the millisecond it began to listen, or before
    });

    it('another process takes the copy with its variants: their events drop it there, and in Redis', async () => {
      await answer('page', ['v1'], '{"data":1}', undefined, a);
      expect(await fromRedis(b, 'page')).toBe('{"data":1}');
      expect(b.get('page')?.body.toString()).toBe('{"data":1}');
      await publish('stock-variant', { variantId: 'v1' });
      expect(a.get('page')).toBeUndefined();
      expect(b.get('page')).toBeUndefined();
      expect(await redis.get(redisKey('page'))).toBeNull(); // deleted, not left to expire
    });

    it('the copy lives RESPONSE_CACHE_SHARED_MS from when its writer began reading', async () => {
      await answer('page', ['v1'], '{"data":1}', () => void jest.advanceTimersByTime(100), a);
      jest.advanceTimersByTime(300);
      expect(await fromRedis(b, 'page')).toBe('{"data":1}');
      jest.advanceTimersByTime(100);
      expect(b.get('page')).toBeUndefined();
      expect(await redis.get(redisKey('page'))).toBeNull(); // its expiry in Redis too
    });

    it('a process refuses a copy whose writer began reading before a change it heard and the writer had not', async () => {
      await answer(
        'page',
        ['v1'],
        '{"data":"old"}',
        () => {
          jest.advanceTimersByTime(5);
          b.stockChanged('v1'); // b heard the commit's event first
        },
        a,
      );
      expect(a.get('page')).toBeDefined(); // a has not heard yet
      expect(await fromRedis(b, 'page')).toBeUndefined();
      jest.advanceTimersByTime(5);
      a.stockChanged('v1');
      await answer('page', ['v1'], '{"data":"new"}', undefined, a); // read after the change
      expect(await fromRedis(b, 'page')).toBe('{"data":"new"}');
    });
  });
});
