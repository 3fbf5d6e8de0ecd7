import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@app/common';
import { AppConfig } from '@app/config';

const MAX_ENTRIES = 10_000; // keys are a search and a category: a few hundred bytes each at most

/**
 * The totalCount of a listing (its search and category), kept for PRODUCT_COUNT_CACHE_MS so that the
 * next pages of one search skip count(*), which on 10,000 products cost PostgreSQL more than the page
 * itself. Only product creation changes these counts; it clears them in its process at once, and in the
 * others when its event arrives (the TTL bounds a lost event).
 */
@Injectable()
export class ProductCountCache implements OnModuleInit, OnModuleDestroy {
  private readonly ttlMs: number;
  private readonly counts = new Map<string, { count: number; expires: number }>();
  private generation = 0;
  private stop?: () => Promise<void>;

  constructor(
    config: AppConfig,
    private readonly events: EventBus,
  ) {
    this.ttlMs = config.get('PRODUCT_COUNT_CACHE_MS');
  }

  async onModuleInit(): Promise<void> {
    if (this.ttlMs <= 0) return;
    // Until Redis is reached, other processes' new products are not heard: counts rely on their bound.
    this.stop = await this.events.on('catalogue-changed', () => this.clear());
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop?.();
  }

  get(key: string): number | undefined {
    const hit = this.counts.get(key);
    if (!hit) return undefined;
    if (hit.expires > Date.now()) return hit.count;
    this.counts.delete(key);
    return undefined;
  }

  /** The generation to hand back to `set`: a count read before a product was created is not kept after. */
  get version(): number {
    return this.generation;
  }

  set(key: string, count: number, version: number): void {
    if (this.ttlMs <= 0 || version !== this.generation) return;
    if (this.counts.size >= MAX_ENTRIES) this.counts.clear();
    this.counts.set(key, { count, expires: Date.now() + this.ttlMs });
  }

  /** A product was created: every count may be one short. */
  clear(): void {
    this.generation++;
    this.counts.clear();
  }
}
