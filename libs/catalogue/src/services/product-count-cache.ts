import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventBus, InvalidatingCache, invalidateOnEvents, RedisService } from '@app/common';
import { AppConfig } from '@app/config';

/**
 * The totalCount of a listing (its search and category), kept for PRODUCT_COUNT_CACHE_MS so that the
 * next pages of one search skip count(*) (ADR 0013). Only product creation changes these counts; it clears
 * them in its process at once, and in the others when its event arrives (the TTL bounds a lost event).
 * An InvalidatingCache (ADR 0027): a count read before a product was created is not kept after; keys are a
 * search and a category, a few hundred bytes each at most, the oldest of 10,000 going first.
 */
@Injectable()
export class ProductCountCache extends InvalidatingCache<number> implements OnModuleInit, OnModuleDestroy {
  private stop?: () => Promise<void>;

  constructor(
    config: AppConfig,
    private readonly events: EventBus,
    private readonly redis: RedisService,
  ) {
    // While the Redis subscription is down, other processes' new products are not heard: counts rely on the TTL.
    super({ ttlMs: config.get('PRODUCT_COUNT_CACHE_MS'), maxEntries: 10_000 });
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    this.stop = await invalidateOnEvents(this, this.events, this.redis, { 'catalogue-changed': 'all' });
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop?.();
  }

  /** A product was created: every count may be one short. */
  clear(): void {
    this.invalidateAll();
  }
}
