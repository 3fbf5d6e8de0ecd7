import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@app/common';
import { MetricsService } from '@app/observability';

/** Prometheus gauges read at scrape time: notifications due and not yet sent, and those given up on. */
@Injectable()
export class OutboxMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly tx: TransactionHost,
  ) {}

  onModuleInit(): void {
    const count = async (sql: string) => Number((await this.tx.manager.query<{ n: number | string | null }[]>(sql))[0]?.n ?? 0);
    this.metrics.gaugeReading('outbox_backlog', 'Notifications due and not yet sent', () =>
      count(`SELECT count(*)::int AS n FROM notification WHERE status = 'PENDING' AND not_before <= now()`),
    );
    this.metrics.gaugeReading('outbox_failed', 'Notifications given up on after every attempt', () =>
      count(`SELECT count(*)::int AS n FROM notification WHERE status = 'FAILED'`),
    );
  }
}
