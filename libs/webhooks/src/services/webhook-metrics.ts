import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@app/common';
import { MetricsService } from '@app/observability';

/** Prometheus gauges read at scrape time: what waits to be delivered, and endpoints disabled after failures. */
@Injectable()
export class WebhookMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly tx: TransactionHost,
  ) {}

  onModuleInit(): void {
    const count = async (sql: string) => Number((await this.tx.manager.query<{ n: number | string | null }[]>(sql))[0]?.n ?? 0);
    this.metrics.gaugeReading('webhook_backlog', 'Webhook deliveries not yet received by an active endpoint', () =>
      count(
        `SELECT count(*)::int AS n FROM webhook_delivery d JOIN webhook_endpoint ep ON ep.id = d.endpoint_id AND ep.active
          WHERE d.delivered_at IS NULL`,
      ),
    );
    this.metrics.gaugeReading('webhook_endpoints_disabled', 'Webhook endpoints that are not active (after failures, or by an admin)', () =>
      count(`SELECT count(*)::int AS n FROM webhook_endpoint WHERE NOT active`),
    );
  }
}
