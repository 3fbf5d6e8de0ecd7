import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsService } from './metrics.service.js';

/** The node-postgres pool behind TypeORM's PostgreSQL driver (`driver.master`). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * Gauges of the database pool, read at scrape time: connections open and idle, queries waiting for a
 * connection, and the pool's size. On PGlite the pool has one connection. Without a DataSource (a
 * context with no database) nothing is registered.
 */
@Injectable()
export class DatabasePoolMetrics {
  constructor(metrics: MetricsService, @Optional() dataSource?: DataSource) {
    if (!dataSource) return;
    const pool = (): PgPool | undefined => (dataSource.driver as unknown as { master?: PgPool }).master;
    const read = (name: string, help: string, value: (p: PgPool) => number | undefined) =>
      metrics.gauge({
        name,
        help,
        collect() {
          const p = pool();
          const v = p && value(p);
          if (typeof v === 'number') this.set(v);
        },
      });
    read('db_pool_connections', 'Connections open in the database pool', (p) => p.totalCount);
    read('db_pool_idle_connections', 'Open connections not in use', (p) => p.idleCount);
    read('db_pool_waiting_clients', 'Queries waiting for a free connection', (p) => p.waitingCount);
    read('db_pool_max_connections', 'Size of the database pool', (p) => p.options?.max);
  }
}
