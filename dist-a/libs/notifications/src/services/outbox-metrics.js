var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../../common/src/index.js';
import { MetricsService } from '../../../observability/src/index.js';
/** Prometheus gauges read at scrape time: notifications due and not yet sent, and those given up on. */
let OutboxMetrics = class OutboxMetrics {
    metrics;
    tx;
    constructor(metrics, tx) {
        this.metrics = metrics;
        this.tx = tx;
    }
    onModuleInit() {
        const count = async (sql) => Number((await this.tx.manager.query(sql))[0]?.n ?? 0);
        this.metrics.gaugeReading('outbox_backlog', 'Notifications due and not yet sent', () => count(`SELECT count(*)::int AS n FROM notification WHERE status = 'PENDING' AND not_before <= now()`));
        this.metrics.gaugeReading('outbox_failed', 'Notifications given up on after every attempt', () => count(`SELECT count(*)::int AS n FROM notification WHERE status = 'FAILED'`));
    }
};
OutboxMetrics = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [MetricsService,
        TransactionHost])
], OutboxMetrics);
export { OutboxMetrics };
//# sourceMappingURL=outbox-metrics.js.map