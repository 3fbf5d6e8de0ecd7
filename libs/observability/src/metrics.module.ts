import { Global, Module } from '@nestjs/common';
import { DatabasePoolMetrics } from './database-pool.metrics.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';

/** Prometheus metrics: the registry (MetricsService, global so any domain can add its gauges) and GET /metrics. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, DatabasePoolMetrics],
  exports: [MetricsService],
})
export class MetricsModule {}
