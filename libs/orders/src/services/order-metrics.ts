import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@app/common';
import { MetricsService } from '@app/observability';

/** Prometheus gauges read at scrape time: units held for orders, and ready pickups waiting. */
@Injectable()
export class OrderMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly tx: TransactionHost,
  ) {}

  onModuleInit(): void {
    const tx = this.tx;
    const read = async (sql: string) => Number((await tx.manager.query(sql))[0]?.n ?? 0);
    this.metrics.gauge({
      name: 'reservations_held_units',
      help: 'Units held for orders (allocated or ready for pickup)',
      async collect() {
        this.set(await read(`SELECT COALESCE(SUM(l.quantity), 0)::int AS n FROM fulfillment f JOIN order_line l ON l.fulfillment_id = f.id WHERE f.status IN ('ALLOCATED', 'READY_FOR_PICKUP')`).catch(() => NaN));
      },
    });
    this.metrics.gauge({
      name: 'pickups_ready_waiting',
      help: 'Pickups ready and waiting for their customer',
      async collect() {
        this.set(await read(`SELECT count(*)::int AS n FROM fulfillment WHERE status = 'READY_FOR_PICKUP'`).catch(() => NaN));
      },
    });
  }
}
