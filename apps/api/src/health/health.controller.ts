import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DatabaseEndpoint } from '@app/common';
import { RedisHealthIndicator } from './redis.health.js';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly endpoint: DatabaseEndpoint,
  ) {}

  /** Liveness with details: the database and Redis. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.database(), () => this.redis.check()]);
  }

  /**
   * Readiness: 503 while PostgreSQL does not answer, so a load balancer stops sending traffic. Redis is
   * left out: it holds only caches and counters (never the only copy), so without it the API degrades
   * rather than stops.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database()]);
  }

  private async database() {
    const r = await this.db.pingCheck('database', { timeout: 2000 });
    return { database: { ...r.database, kind: this.endpoint.kind } };
  }
}
