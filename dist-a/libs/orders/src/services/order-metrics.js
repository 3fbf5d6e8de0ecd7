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
/** Prometheus gauges read at scrape time: units held for orders, and ready pickups waiting. */
let OrderMetrics = class OrderMetrics {
    metrics;
    tx;
    constructor(metrics, tx) {
        this.metrics = metrics;
        this.tx = tx;
    }
    onModuleInit() {
        const count = async (sql) => Number((await this.tx.manager.query(sql))[0]?.n ?? 0);
        this.metrics.gaugeReading('reservations_held_units', 'Units held for orders (allocated or ready for pickup)', () => count(`SELECT COALESCE(SUM(l.quantity), 0)::int AS n FROM fulfillment f JOIN order_line l ON l.fulfillment_id = f.id WHERE f.status IN ('ALLOCATED', 'READY_FOR_PICKUP')`));
        this.metrics.gaugeReading('pickups_ready_waiting', 'Pickups ready and waiting for their customer', () => count(`SELECT count(*)::int AS n FROM fulfillment WHERE status = 'READY_FOR_PICKUP'`));
    }
};
OrderMetrics = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [MetricsService,
        TransactionHost])
], OrderMetrics);
export { OrderMetrics };
//# sourceMappingURL=order-metrics.js.map