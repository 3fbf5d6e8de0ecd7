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

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      async () => {
        const r = await this.db.pingCheck('database', { timeout: 2000 });
        return { database: { ...r.database, kind: this.endpoint.kind } };
      },
      () => this.redis.check(),
    ]);
  }
}
