import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventBus, InvalidatingCache, invalidateOnEvents, RedisService, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';

const KEY = 'subscribed';

/**
 * Which event types some active endpoint wants, kept in this process (ADR 0027's cache) so that a
 * checkout with no subscriber writes nothing and reads nothing. Any endpoint change publishes
 * `webhook-endpoints` after commit and every process drops its copy (this one at once); WEBHOOK_ENDPOINT_CACHE_MS bounds a
 * lost event, and while events are not heard nothing is kept (each event reads the list).
 */
@Injectable()
export class WebhookSubscriptions implements OnModuleInit, OnModuleDestroy {
  private readonly kept: InvalidatingCache<ReadonlySet<string>>;
  private stop?: () => Promise<void>;

  constructor(
    private readonly tx: TransactionHost,
    private readonly events: EventBus,
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.kept = new InvalidatingCache({ ttlMs: config.get('WEBHOOK_ENDPOINT_CACHE_MS'), maxEntries: 1, degradedTtlMs: 0, heard: false });
  }

  async onModuleInit(): Promise<void> {
    this.stop = await invalidateOnEvents(this.kept, this.events, this.redis, { 'webhook-endpoints': 'all' });
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop?.();
  }

  /** Whether an active endpoint subscribes to `type` (as of the cache's last read). */
  async wanted(type: string): Promise<boolean> {
    const hit = this.kept.get(KEY);
    if (hit) return hit.has(type);
    const version = this.kept.version();
    const rows = await this.tx.manager.query<{ type: string }[]>(
      `SELECT DISTINCT unnest(events) AS type FROM webhook_endpoint WHERE active`,
    );
    const types = new Set(rows.map((r) => r.type));
    this.kept.set(KEY, types, version);
    return types.has(type);
  }

  /** After the current transaction commits, every process reads the list again. */
  changed(endpointId: string): void {
    this.events.publish('webhook-endpoints', { endpointId });
    // This process at once, not when Redis brings the event back: a change made here is heard by the next request here.
    this.tx.afterCommit(() => this.kept.invalidateAll());
  }
}
