import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { InvalidatingCache } from './invalidating-cache.js';

const cache = <V = number>(options: Partial<ConstructorParameters<typeof InvalidatingCache<V>>[0]> = {}) =>
  new InvalidatingCache<V>({ ttlMs: 500, maxEntries: 1000, ...options });
const entries = <V>(c: InvalidatingCache<V>) => (c as unknown as { entries: Map<string, unknown> }).entries;

describe('InvalidatingCache', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  describe('TTL', () => {
    it('serves a value for the TTL, never after', () => {
      const c = cache();
      expect(c.set('a', 3, c.version())).toBe(true);
      jest.advanceTimersByTime(499);
      expect(c.get('a')).toBe(3);
      jest.advanceTimersByTime(1);
      expect(c.get('a')).toBeUndefined();
    });

    it('an earlier expiry given to set wins; a later one does not extend the TTL', () => {
      const c = cache();
      c.set('a', 1, c.version(), undefined, Date.now() + 100);
      c.set('b', 2, c.version(), undefined, Date.now() + 10_000);
      jest.advanceTimersByTime(100);
      expect(c.get('a')).toBeUndefined();
      expect(c.get('b')).toBe(2);
      jest.advanceTimersByTime(400);
      expect(c.get('b')).toBeUndefined();
    });

    it('a value set again lives a full TTL from then; expired ones are swept as time passes', () => {
      const c = cache({ maxEntries: 100_000 });
      c.set('a', 1, 0);
      jest.advanceTimersByTime(400);
      c.set('a', 2, 0);
      jest.advanceTimersByTime(400);
      expect(c.get('a')).toBe(2);
      for (let i = 0; i < 1000; i++) c.set(`k${i}`, i, 0);
      jest.advanceTimersByTime(600);
      c.set('c', 1, 0); // sweeps: every earlier entry has expired
      expect(c.size).toBe(1);
    });

    it('with lifetimes that differ, a sweep finds expired entries behind fresh ones', () => {
      const c = cache({ sweepMs: 100 });
      c.set('long', 1, 0);
      c.set('short', 2, 0, undefined, Date.now() + 10);
      jest.advanceTimersByTime(100);
      c.set('x', 3, 0); // sweeps: 'short' expired behind 'long'
      expect([...entries(c).keys()]).toEqual(['long', 'x']);
    });

    it('stores nothing when the TTL is 0', () => {
      const off = cache({ ttlMs: 0 });
      expect(off.enabled).toBe(false);
      expect(off.set('a', 1, off.version())).toBe(false);
      expect(off.get('a')).toBeUndefined();
    });
  });

  describe('size cap', () => {
    it('past maxEntries, the oldest stored go first', () => {
      const c = cache({ maxEntries: 3 });
      for (const k of ['a', 'b', 'c']) c.set(k, 1, 0);
      c.set('a', 2, 0); // stored again: now the newest
      c.set('d', 1, 0);
      expect([...entries(c).keys()]).toEqual(['c', 'a', 'd']);
    });

    it('past maxWeight, the oldest go first; a value over a 16th of it is not kept', () => {
      const c = cache<string>({ maxWeight: 160, weigh: (v) => v.length });
      for (let i = 0; i < 16; i++) c.set(`k${i}`, 'x'.repeat(10), 0);
      c.set('big', 'x'.repeat(10), 0);
      expect(c.get('k0')).toBeUndefined();
      expect(c.get('k1')).toBeDefined();
      expect(c.set('huge', 'x'.repeat(11), 0)).toBe(false);
      c.invalidate('k1');
      c.set('k1', 'x'.repeat(10), 0); // its weight was given back: nothing else goes
      expect(c.get('k2')).toBeDefined();
    });
  });

  describe('version on read', () => {
    it('keeps nothing read before an invalidation of its key; a read after it is kept', () => {
      const c = cache();
      const v = c.version();
      c.invalidate('a');
      expect(c.set('a', 3, v)).toBe(false);
      expect(c.get('a')).toBeUndefined();
      expect(c.set('b', 4, v)).toBe(true); // another key's change does not matter
      expect(c.set('a', 2, c.version())).toBe(true);
      expect(c.get('a')).toBe(2);
    });

    it('keeps nothing read before an invalidation of one of its tags', () => {
      const c = cache();
      const v = c.version();
      c.invalidate('t2');
      expect(c.set('page', 1, v, ['t1', 't2'])).toBe(false);
      expect(c.set('page', 1, v, ['t1'])).toBe(true);
    });

    it('keeps nothing read before invalidateAll', () => {
      const c = cache();
      const v = c.version();
      c.invalidateAll();
      expect(c.set('a', 1, v)).toBe(false);
      expect(c.set('a', 1, c.version())).toBe(true);
    });

    it('past maxTracked invalidations, every read in flight is stale, later ones are not', () => {
      const c = cache({ maxTracked: 3 });
      const v = c.version();
      for (const k of ['a', 'b', 'c', 'd']) c.invalidate(k);
      expect(c.changedSince(v, 'z')).toBe(true);
      expect(c.changedAfter(Date.now() - 1, ['z'])).toBe(true);
      jest.advanceTimersByTime(1);
      expect(c.set('a', 1, c.version())).toBe(true);
    });

    it('forgets invalidations older than trackMs, and then refuses every read older than them', () => {
      const c = cache({ trackMs: 10_000, sweepMs: 500 });
      const began = { seq: c.version(), at: Date.now() };
      c.invalidate('a');
      jest.advanceTimersByTime(10_001);
      c.invalidate('x'); // sweeps
      expect(c.changedSince(began.seq, 'b')).toBe(true); // too old to tell
      expect(c.changedAfter(began.at, ['b'])).toBe(true);
      expect(c.changedSince(c.version(), 'a')).toBe(false);
    });

    it("compares wall clocks for another process's read: an invalidation at or after its start counts", () => {
      const c = cache();
      const writerBegan = Date.now();
      jest.advanceTimersByTime(3);
      c.invalidate('a');
      expect(c.changedAfter(writerBegan, ['a'])).toBe(true);
      expect(c.changedAfter(writerBegan, ['b'])).toBe(false);
      expect(c.changedAfter(Date.now(), ['a'])).toBe(true); // the same millisecond: cannot tell, refused
      jest.advanceTimersByTime(1);
      expect(c.changedAfter(Date.now(), ['a'])).toBe(false);
    });
  });

  describe('invalidation', () => {
    it('by key or by tag drops the entries concerned, only them, and says which', () => {
      const c = cache();
      c.set('v1', 1, 0);
      c.set('page1', 10, 0, ['v1', 'v2']);
      c.set('page2', 20, 0, ['v2']);
      c.set('page3', 30, 0, ['v3']);
      expect([...c.invalidate('v1')].sort()).toEqual(['page1', 'v1']);
      expect(c.get('page2')).toBe(20);
      expect(c.invalidate('v2')).toEqual(['page2']);
      expect(c.invalidate('nothing')).toEqual([]);
      expect(c.get('page3')).toBe(30);
      expect(c.invalidateAll()).toEqual(['page3']);
      expect(c.size).toBe(0);
    });

    it('does not leave an index behind for entries that went', () => {
      const c = cache({ maxEntries: 1 });
      c.set('p1', 1, 0, ['t']);
      c.set('p2', 2, 0, ['u']); // p1 evicted
      expect((c as unknown as { byTag: Map<string, unknown> }).byTag.has('t')).toBe(false);
      expect(c.invalidate('t')).toEqual([]);
    });
  });

  describe('degraded mode', () => {
    it('deaf: drops everything and keeps values degradedTtlMs only; hearing again drops and keeps long', () => {
      const c = cache({ ttlMs: 5000, degradedTtlMs: 500 });
      c.set('a', 1, 0);
      expect(c.deaf()).toEqual(['a']);
      expect(c.listening).toBe(false);
      c.set('b', 2, c.version());
      jest.advanceTimersByTime(500);
      expect(c.get('b')).toBeUndefined();
      c.set('b', 2, c.version());
      expect(c.hearing()).toEqual(['b']);
      c.set('c', 3, c.version());
      jest.advanceTimersByTime(4999);
      expect(c.get('c')).toBe(3);
    });

    it('a cache that starts deaf keeps briefly until it hears; with degradedTtlMs 0 it keeps nothing', () => {
      const c = cache({ ttlMs: 5000, degradedTtlMs: 500, heard: false });
      c.set('a', 1, 0);
      jest.advanceTimersByTime(500);
      expect(c.get('a')).toBeUndefined();
      const none = cache({ degradedTtlMs: 0, heard: false });
      expect(none.set('a', 1, 0)).toBe(false);
      none.hearing();
      expect(none.set('a', 1, none.version())).toBe(true);
    });

    it('a read that began before events were lost or heard again is not kept', () => {
      const c = cache({ ttlMs: 5000, degradedTtlMs: 500 });
      const v = c.version();
      c.deaf();
      expect(c.set('a', 1, v)).toBe(false);
      const w = c.version();
      c.hearing();
      expect(c.set('a', 1, w)).toBe(false);
    });
  });
});
