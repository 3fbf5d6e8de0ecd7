import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { EventBus, RedisService } from '@app/common';
import type { AppConfig } from '@app/config';
import { AvailabilityCache } from './availability-cache.js';

const config = (ms: number) => ({ get: () => ms }) as unknown as AppConfig;
const make = (ms: number) => new AvailabilityCache({} as EventBus, config(ms), {} as RedisService);

/** The cache's own properties are InvalidatingCache's (its spec); these are the settings it is made with. */
describe('AvailabilityCache', () => {
  let cache: AvailabilityCache;
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    cache = make(500);
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('serves a value for the TTL, never after', () => {
    cache.set('a', 3, cache.version());
    jest.advanceTimersByTime(499);
    expect(cache.get('a')).toBe(3);
    jest.advanceTimersByTime(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps nothing read before a change it heard of, and drops on change', () => {
    const v = cache.version();
    cache.forget('a');
    cache.set('a', 3, v);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 2, cache.version());
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('a version taken before the change log was cleared (past its size) stores nothing', () => {
    const v = cache.version();
    cache.forget('a');
    for (let i = 0; i <= 100_000; i++) cache.forget(`x${i}`); // clears the versions
    cache.set('a', 3, v);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 2, cache.version());
    expect(cache.get('a')).toBe(2);
  });

  it('stores nothing when the TTL is 0', () => {
    const off = make(0);
    off.set('a', 1, 0);
    expect(off.get('a')).toBeUndefined();
  });
});
