import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { EventBus } from '@app/common';
import type { AppConfig } from '@app/config';
import { AvailabilityCache } from './availability-cache.js';

const config = (ms: number) => ({ get: () => ms }) as unknown as AppConfig;

describe('AvailabilityCache', () => {
  let cache: AvailabilityCache;
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    cache = new AvailabilityCache({} as EventBus, config(500));
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('serves a value for the TTL, never after', () => {
    cache.set('a', 3, cache.version('a'));
    jest.advanceTimersByTime(499);
    expect(cache.get('a')).toBe(3);
    jest.advanceTimersByTime(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps nothing read before a change it heard of, and drops on change', () => {
    const v = cache.version('a');
    cache.forget('a');
    cache.set('a', 3, v);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 2, cache.version('a'));
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('a value set again lives a full TTL from then; expired ones are swept as time passes', () => {
    cache.set('a', 1, 0);
    jest.advanceTimersByTime(400);
    cache.set('a', 2, 0);
    cache.set('b', 5, 0);
    jest.advanceTimersByTime(400);
    expect(cache.get('a')).toBe(2);
    for (let i = 0; i < 1000; i++) cache.set(`k${i}`, i, 0);
    jest.advanceTimersByTime(600);
    cache.set('c', 1, 0); // sweeps: every earlier entry has expired
    expect((cache as unknown as { entries: Map<string, unknown> }).entries.size).toBe(1);
  });

  it('a version taken before the change log was cleared (past its size) stores nothing', () => {
    const v = cache.version('a');
    cache.forget('a');
    for (let i = 0; i <= 100_000; i++) cache.forget(`x${i}`); // clears the versions
    cache.set('a', 3, v);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 2, cache.version('a'));
    expect(cache.get('a')).toBe(2);
  });

  it('stores nothing when the TTL is 0', () => {
    const off = new AvailabilityCache({} as EventBus, config(0));
    off.set('a', 1, 0);
    expect(off.get('a')).toBeUndefined();
  });
});
