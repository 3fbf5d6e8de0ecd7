var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Global, Module } from '@nestjs/common';
import { DatabasePoolMetrics } from './database-pool.metrics.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
/** Prometheus metrics: the registry (MetricsService, global so any domain can add its gauges) and GET /metrics. */
let MetricsModule = class MetricsModule {
};
MetricsModule = __decorate([
    Global(),
    Module({
        controllers: [MetricsController],
        providers: [MetricsService, DatabasePoolMetrics],
        exports: [MetricsService],
    })
], MetricsModule);
export { MetricsModule };
//# sourceMappingURL=metrics.module.js.map