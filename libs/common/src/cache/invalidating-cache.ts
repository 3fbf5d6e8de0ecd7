/**
 * The one cache primitive of the service (ADR 0027): values kept in this process for a bounded time,
 * dropped when an event says what they were read from changed. Every in-process cache of data is one of
 * these (availability per variant, listing counts, public responses), so they share one staleness scheme:
 *
 * - **TTL**: a value is served until `ttlMs` after it was stored (or an earlier `expires` given to `set`).
 * - **Size cap**: past `maxEntries` (or `maxWeight`, when values are weighed) the oldest stored go first.
 * - **Version on read**: take `version()` before reading the source; `set` with it stores nothing if the key
 *   or one of the value's tags was invalidated since (the value may predate the change).
 * - **Invalidation by event**: `invalidate(name)` drops the entry keyed `name` and every entry tagged `name`;
 *   `invalidateAll()` drops everything. Invalidations are remembered (at most `maxTracked`, for `trackMs`)
 *   for reads in flight; one forgotten makes every read that began before it stale.
 * - **Degraded mode**: while the events are not heard (`deaf()`, e.g. the Redis subscription lost), what
 *   was kept goes and values live `degradedTtlMs` at most (0: nothing is kept); `hearing()` ends it.
 *
 * A hit is one Map lookup and one clock read: no allocation, no promise.
 */
export interface InvalidatingCacheOptions<V> {
  /** How long a stored value is served; 0 or less turns the cache off (nothing is stored). */
  ttlMs: number;
  /** Past this many entries, the oldest stored go first. */
  maxEntries: number;
  /** With `weigh`: past this total weight (bytes, say) the oldest go first; one value over a 16th of it is not kept. */
  maxWeight?: number;
  weigh?: (value: V) => number;
  /** Invalidated names remembered for reads in flight; past it they are forgotten at once (default 100,000). */
  maxTracked?: number;
  /** Invalidations older than this are forgotten (default: only past `maxTracked`). */
  trackMs?: number;
  /** While events are not heard, values live at most this long (default `ttlMs`; 0 keeps nothing). */
  degradedTtlMs?: number;
  /** Whether events are heard from the start (default true); false until `hearing()` is called. */
  heard?: boolean;
  /** Expired entries are swept at most this often (default `ttlMs`), on `set` and `invalidate`. */
  sweepMs?: number;
}

interface Entry<V> {
  value: V;
  expires: number;
  weight: number;
  tags: readonly string[] | undefined;
}

/** An invalidation: this cache's count of them (exact here), and the wall clock (for other processes' reads). */
interface Change {
  seq: number;
  at: number;
}

const NONE: readonly string[] = Object.freeze([]);

export class InvalidatingCache<V> {
  readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxWeight: number;
  private readonly weigh?: (value: V) => number;
  private readonly maxTracked: number;
  private readonly trackMs: number;
  private readonly degradedTtlMs: number;
  private readonly sweepMs: number;

  private readonly entries = new Map<string, Entry<V>>();
  /** The keys of the entries tagged with each name. */
  private readonly byTag = new Map<string, Set<string>>();
  /** Each invalidated name's last invalidation; re-inserted on each, so the oldest are at the head. */
  private readonly changes = new Map<string, Change>();
  /** Every read that began before this is stale: the last `invalidateAll`, or the newest change forgotten. */
  private floor: Change = { seq: 0, at: 0 };
  private seq = 0;
  private weight = 0;
  private nextSweep = 0;
  /** Every entry lives ttlMs from its set: insertion order is expiry order, so a sweep stops at the first fresh one. */
  private uniform = true;
  private heard: boolean;

  constructor(options: InvalidatingCacheOptions<V>) {
    this.ttlMs = options.ttlMs > 0 ? options.ttlMs : 0;
    this.maxEntries = options.maxEntries;
    this.maxWeight = options.maxWeight ?? Infinity;
    this.weigh = options.weigh;
    this.maxTracked = options.maxTracked ?? 100_000;
    this.trackMs = options.trackMs ?? Infinity;
    this.degradedTtlMs = Math.min(options.degradedTtlMs ?? this.ttlMs, this.ttlMs);
    this.sweepMs = options.sweepMs ?? this.ttlMs;
    this.heard = options.heard ?? true;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** Whether invalidation events reach this process now (not in degraded mode). */
  get listening(): boolean {
    return this.heard;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    if (hit.expires > Date.now()) return hit.value;
    this.drop(key, hit);
    return undefined;
  }

  /** Taken before reading the source; handed back to `set` (or `changedSince`). */
  version(): number {
    return this.seq;
  }

  /** Whether `key` or one of `tags` was invalidated after `version` was taken (or that can no longer be told). */
  changedSince(version: number, key?: string, tags?: Iterable<string>): boolean {
    if (this.floor.seq > version) return true;
    if (key !== undefined && (this.changes.get(key)?.seq ?? 0) > version) return true;
    if (tags) for (const t of tags) if ((this.changes.get(t)?.seq ?? 0) > version) return true;
    return false;
  }

  /**
   * The same for a read another process began at wall time `at`: an invalidation heard here at or after
   * it counts (as exact as the two clocks agree; on one machine, exact).
   */
  changedAfter(at: number, tags: Iterable<string>): boolean {
    if (!(at >= Date.now() - this.trackMs) || this.floor.at >= at) return true;
    for (const t of tags) if ((this.changes.get(t)?.at ?? 0) >= at) return true;
    return false;
  }

  /**
   * Keeps `value`, read after `version` was taken, unless its key or one of its tags was invalidated
   * since. It lives ttlMs (degradedTtlMs while events are not heard), or until `expires` if sooner.
   */
  set(key: string, value: V, version: number, tags?: readonly string[], expires?: number): boolean {
    if (this.ttlMs === 0 || this.changedSince(version, key, tags)) return false;
    const now = Date.now();
    let until = now + (this.heard ? this.ttlMs : this.degradedTtlMs);
    if (expires !== undefined && expires < until) until = expires;
    if (until <= now) return false;
    if (until !== now + this.ttlMs) this.uniform = false;
    const weight = this.weigh ? this.weigh(value) : 0;
    if (weight > this.maxWeight / 16) return false;
    if (now >= this.nextSweep) this.sweep(now);
    const old = this.entries.get(key);
    if (old !== undefined) this.drop(key, old); // re-inserted at the tail with its new expiry
    if (this.entries.size >= this.maxEntries || this.weight + weight > this.maxWeight) {
      for (const [k, e] of this.entries) {
        if (this.entries.size < this.maxEntries && this.weight + weight <= this.maxWeight) break;
        this.drop(k, e);
      }
    }
    this.entries.set(key, { value, expires: until, weight, tags });
    this.weight += weight;
    if (tags) {
      for (const t of tags) {
        let keys = this.byTag.get(t);
        if (!keys) this.byTag.set(t, (keys = new Set()));
        keys.add(key);
      }
    }
    return true;
  }

  /** `name` changed: drops the entry keyed `name` and the entries tagged with it; returns the keys dropped. */
  invalidate(name: string): readonly string[] {
    const now = Date.now();
    if (now >= this.nextSweep) this.sweep(now);
    if (this.changes.size >= this.maxTracked) {
      this.changes.clear();
      this.floor = { seq: ++this.seq, at: now }; // every read in flight is now stale: none stores
    } else {
      this.changes.delete(name);
      this.changes.set(name, { seq: ++this.seq, at: now });
    }
    let dropped = NONE;
    const own = this.entries.get(name);
    if (own !== undefined) {
      this.drop(name, own);
      dropped = [name];
    }
    const tagged = this.byTag.get(name);
    if (tagged) {
      const keys = [...tagged]; // drop() edits the set
      for (const k of keys) this.drop(k, this.entries.get(k));
      dropped = dropped === NONE ? keys : [...dropped, ...keys];
    }
    return dropped;
  }

  /** Anything may have changed: drops every entry, and every read in flight stores nothing; returns the keys dropped. */
  invalidateAll(): readonly string[] {
    const dropped = this.entries.size ? [...this.entries.keys()] : NONE;
    this.floor = { seq: ++this.seq, at: Date.now() };
    this.changes.clear();
    this.entries.clear();
    this.byTag.clear();
    this.weight = 0;
    return dropped;
  }

  /** Events stopped reaching this process: some may be lost, so everything goes; values live degradedTtlMs until `hearing`. */
  deaf(): readonly string[] {
    this.heard = false;
    return this.invalidateAll();
  }

  /** Events reach this process (again): what was kept meanwhile goes (events may have been missed), then values live ttlMs. */
  hearing(): readonly string[] {
    const dropped = this.invalidateAll();
    this.heard = true;
    return dropped;
  }

  /** Drops expired entries and forgets old invalidations, at most once per `sweepMs`. */
  private sweep(now: number): void {
    this.nextSweep = now + this.sweepMs;
    for (const [k, e] of this.entries) {
      if (e.expires > now) {
        if (this.uniform) break;
        continue;
      }
      this.drop(k, e);
    }
    if (this.trackMs === Infinity) return;
    for (const [name, change] of this.changes) {
      if (change.at >= now - this.trackMs) break;
      this.changes.delete(name);
      this.floor = change; // the newest forgotten so far: reads older than it are stale
    }
  }

  private drop(key: string, entry: Entry<V> | undefined): void {
    if (entry === undefined) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
    if (entry.tags) {
      for (const t of entry.tags) {
        const keys = this.byTag.get(t);
        keys?.delete(key);
        if (keys?.size === 0) this.byTag.delete(t);
      }
    }
  }
}
