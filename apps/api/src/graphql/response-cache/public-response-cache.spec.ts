import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { CATALOGUE_CHANNEL } from '@app/catalogue';
import { answerChosenByStock, answerShowsStockOf, EventBus, InMemoryRedisService, type TransactionHost } from '@app/common';
import type { AppConfig } from '@app/config';
import { VARIANT_STOCK_CHANNEL } from '@app/inventory';
import { PublicResponseCache } from './public-response-cache.js';

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

describe('PublicResponseCache: kept until what the answer shows changes', () => {
  let redis: InMemoryRedisService;
  let cache: PublicResponseCache;

  /** One request that misses `key`, shows the stock of `variants`, and answers `body`; `during` runs before it finishes. */
  const answer = async (key: string, variants: string[], body: string, during?: (req: object) => Promise<void> | void) => {
    const req = {};
    const res = new FakeResponse();
    cache.begin(key, req, res as never);
    for (const v of variants) answerShowsStockOf(req, v);
    await during?.(req);
    cache.offer(req, { operationName: null });
    res.send(body);
    res.emit('finish');
    return req;
  };
  const publish = async (channel: string, event: object) => {
    await redis.publish(`events:${channel}`, JSON.stringify(event));
    await new Promise((r) => setImmediate(r));
  };

  beforeEach(async () => {
    jest.useFakeTimers({ now: 1_000_000, doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    redis = new InMemoryRedisService();
    cache = new PublicResponseCache(config, redis, new EventBus(redis, {} as TransactionHost));
    await cache.onModuleInit();
  });
  afterEach(async () => {
    await cache.onModuleDestroy();
    jest.useRealTimers();
  });

  it('keeps an answer for RESPONSE_CACHE_MS while none of its variants changes', async () => {
    await answer('page', ['v1', 'v2'], '{"data":1}');
    await publish(VARIANT_STOCK_CHANNEL, { variantId: 'other' });
    jest.advanceTimersByTime(4999);
    expect(cache.get('page')?.body.toString()).toBe('{"data":1}');
    jest.advanceTimersByTime(1);
    expect(cache.get('page')).toBeUndefined();
  });

  it('drops it when the stock of a variant it shows changes, and only the answers showing it', async () => {
    await answer('page', ['v1', 'v2'], '{"data":1}');
    await answer('other', ['v3'], '{"data":2}');
    await publish(VARIANT_STOCK_CHANNEL, { variantId: 'v2' });
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
      await publish(VARIANT_STOCK_CHANNEL, { variantId: 'v1' }); // committed while the page was being read
    });
    expect(await waited).toBeNull();
    expect(cache.get('page')).toBeUndefined();
  });

  it('a new product drops every answer, and flights in progress keep nothing', async () => {
    await answer('page', ['v1'], '{"data":1}');
    await answer('running', ['v9'], '{"data":2}', () => publish(CATALOGUE_CHANNEL, { productId: 'p' }));
    expect(cache.get('page')).toBeUndefined();
    expect(cache.get('running')).toBeUndefined();
  });

  it('keeps a listing chosen by stock for RESPONSE_CACHE_SHARED_MS only: no event names what it would gain', async () => {
    await answer('near-store', ['v1'], '{"data":1}', (req) => answerChosenByStock(req));
    jest.advanceTimersByTime(499);
    expect(cache.get('near-store')).toBeDefined();
    jest.advanceTimersByTime(1);
    expect(cache.get('near-store')).toBeUndefined();
  });

  it('without stock events, keeps every answer for RESPONSE_CACHE_SHARED_MS only', async () => {
    const down = new InMemoryRedisService();
    down.subscribe = () => Promise.reject(new Error('redis unavailable'));
    await cache.onModuleDestroy();
    cache = new PublicResponseCache(config, down, new EventBus(down, {} as TransactionHost));
    await cache.onModuleInit();
    await answer('page', ['v1'], '{"data":1}');
    jest.advanceTimersByTime(500);
    expect(cache.get('page')).toBeUndefined();
  });
});
