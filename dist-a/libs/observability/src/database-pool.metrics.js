var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsService } from './metrics.service.js';
/**
 * Gauges of the database pool, read at scrape time: connections open and idle, queries waiting for a
 * connection, and the pool's size. On PGlite the pool has one connection. Without a DataSource (a
 * context with no database) nothing is registered.
 */
let DatabasePoolMetrics = class DatabasePoolMetrics {
    constructor(metrics, dataSource) {
        if (!dataSource)
            return;
        const pool = () => dataSource.driver.master;
        const read = (name, help, value) => metrics.gauge({
            name,
            help,
            collect() {
                const p = pool();
                const v = p && value(p);
                if (typeof v === 'number')
                    this.set(v);
            },
        });
        read('db_pool_connections', 'Connections open in the database pool', (p) => p.totalCount);
        read('db_pool_idle_connections', 'Open connections not in use', (p) => p.idleCount);
        read('db_pool_waiting_clients', 'Queries waiting for a free connection', (p) => p.waitingCount);
        read('db_pool_max_connections', 'Size of the database pool', (p) => p.options?.max);
    }
};
DatabasePoolMetrics = __decorate([
    Injectable(),
    __param(1, Optional()),
    __metadata("design:paramtypes", [MetricsService, DataSource])
], DatabasePoolMetrics);
export { DatabasePoolMetrics };
//# sourceMappingURL=database-pool.metrics.js.map