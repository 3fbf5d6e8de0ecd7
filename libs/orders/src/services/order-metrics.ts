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
    const count = async (sql: string) => Number((await this.tx.manager.query<{ n: number | string | null }[]>(sql))[0]?.n ?? 0);
    this.metrics.gaugeReading('reservations_held_units', 'Units held for orders (allocated or ready for pickup)', () =>
      count(
        `SELECT COALESCE(SUM(l.quantity), 0)::int AS n FROM fulfillment f JOIN order_line l ON l.fulfillment_id = f.id
         WHERE f.status IN ('ALLOCATED', 'READY_FOR_PICKUP')`,
      ),
    );
    this.metrics.gaugeReading('pickups_ready_waiting', 'Pickups ready and waiting for their customer', () =>
      count(`SELECT count(*)::int AS n FROM fulfillment WHERE status = 'READY_FOR_PICKUP'`),
    );
  }
}
