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
    const tx = this.tx;
    const read = async (sql: string) => Number((await tx.manager.query(sql))[0]?.n ?? 0);
    this.metrics.gauge({
      name: 'outbox_backlog',
      help: 'Notifications due and not yet sent',
      async collect() {
        this.set(await read(`SELECT count(*)::int AS n FROM notification WHERE status = 'PENDING' AND not_before <= now()`).catch(() => NaN));
      },
    });
    this.metrics.gauge({
      name: 'outbox_failed',
      help: 'Notifications given up on after every attempt',
      async collect() {
        this.set(await read(`SELECT count(*)::int AS n FROM notification WHERE status = 'FAILED'`).catch(() => NaN));
      },
    });
  }
}
