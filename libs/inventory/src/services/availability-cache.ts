import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventBus, InvalidatingCache, invalidateOnEvents, RedisService } from '@app/common';
import { AppConfig } from '@app/config';

/**
 * `availableOnline` per variant, kept in this process for at most AVAILABILITY_CACHE_MS (500 ms by default)
 * and dropped as soon as any process commits a change to that variant's stock (an event on Redis), so no
 * client sees a count older than the bound, even when an event is lost. It serves the variants that come
 * without it (variant(sku), cart and order lines); catalogue and product pages read it with their variants.
 * In process rather than in Redis (ADR 0013); an InvalidatingCache keyed by variant (ADR 0027): a value read
 * before a change to its variant is not stored after it, and the oldest of 100,000 go first.
 */
@Injectable()
export class AvailabilityCache extends InvalidatingCache<number> implements OnModuleInit, OnModuleDestroy {
  private stop?: () => Promise<void>;

  constructor(
    private readonly events: EventBus,
    config: AppConfig,
    private readonly redis: RedisService,
  ) {
    // While the Redis subscription is down, other processes' changes are not heard: values rely on the TTL.
    super({ ttlMs: config.get('AVAILABILITY_CACHE_MS'), maxEntries: 100_000, maxTracked: 100_000 });
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    this.stop = await invalidateOnEvents(this, this.events, this.redis, { 'stock-variant': (e) => e.variantId });
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop?.();
  }

  /** This process committed a change to the variant's stock: its value goes, and a read in flight stores nothing. */
  forget(variantId: string): void {
    this.invalidate(variantId);
  }
}
