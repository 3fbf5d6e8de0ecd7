import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@app/common';
import { AppConfig } from '@app/config';

const MAX_ENTRIES = 100_000;

/**
 * `availableOnline` per variant, kept in this process for at most AVAILABILITY_CACHE_MS (500 ms by default)
 * and dropped as soon as any process commits a change to that variant's stock (an event on Redis), so no
 * client sees a count older than the bound, even when an event is lost. It serves the variants that come
 * without it (variant(sku), cart and order lines); catalogue and product pages read it with their variants.
 * In process rather than in Redis: a Redis round trip costs about what the indexed SQL does.
 */
@Injectable()
export class AvailabilityCache implements OnModuleInit, OnModuleDestroy {
  private readonly entries = new Map<string, { value: number; expires: number }>();
  private readonly ttlMs: number;
  private stop?: () => Promise<void>;

  constructor(
    private readonly events: EventBus,
    config: AppConfig,
  ) {
    this.ttlMs = config.get('AVAILABILITY_CACHE_MS');
  }

  async onModuleInit(): Promise<void> {
    if (!this.ttlMs) return;
    // Until Redis is reached, other processes' changes are not heard: cached availability relies on its bound.
    this.stop = await this.events.on('stock-variant', (e) => this.forget(e.variantId));
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop?.();
  }

  /** Each forgotten variant's last forget, counted; variants forgotten before the last clear read as `floor`. */
  private readonly versions = new Map<string, number>();
  private forgets = 0;
  private floor = 0;
  private nextSweep = 0;

  forget(variantId: string): void {
    this.entries.delete(variantId);
    this.versions.set(variantId, ++this.forgets);
    if (this.versions.size > MAX_ENTRIES) {
      this.versions.clear();
      this.floor = ++this.forgets; // a version taken before is now stale for every variant: readers in flight skip storing
    }
  }

  /** Taken before reading the database; `set` with it stores nothing if a change was forgotten meanwhile. */
  version(variantId: string): number {
    return this.versions.get(variantId) ?? this.floor;
  }

  get(variantId: string): number | undefined {
    const hit = this.entries.get(variantId);
    if (!hit) return undefined;
    if (hit.expires > Date.now()) return hit.value;
    this.entries.delete(variantId);
    return undefined;
  }

  set(variantId: string, value: number, readAtVersion: number): void {
    if (!this.ttlMs || this.version(variantId) !== readAtVersion) return;
    const now = Date.now();
    if (now >= this.nextSweep || this.entries.size >= MAX_ENTRIES) this.sweep(now);
    this.entries.delete(variantId); // re-inserted at the tail with its new expiry
    this.entries.set(variantId, { value, expires: now + this.ttlMs });
  }

  /**
   * Drops expired entries, at most once per TTL: a Map keeps deleted slots until it rehashes, and
   * iteration walks them, so sweeping the head on every set (100 per catalogue page) cost about 12 µs
   * each at bench rates. One TTL for all: insertion order is expiry order, so expired entries are at the head.
   */
  private sweep(now: number): void {
    this.nextSweep = now + this.ttlMs;
    for (const [k, v] of this.entries) {
      if (v.expires > now && this.entries.size < MAX_ENTRIES) break;
      this.entries.delete(k);
    }
  }
}
