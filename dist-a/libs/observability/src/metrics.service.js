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
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, } from 'prom-client';
/**
 * The process's Prometheus registry, served at GET /metrics. Domains register their own metrics here
 * (a gauge of reservations held, an outbox backlog…); a gauge given `collect` is read at scrape time,
 * so it costs nothing between scrapes.
 *
 * Each application gets a registry of its own rather than prom-client's global one, so several apps
 * in one process (the tests) never collide on a metric name. Asking twice for the same name returns
 * the metric already registered.
 */
let MetricsService = class MetricsService {
    registry = new Registry();
    constructor() {
        collectDefaultMetrics({ register: this.registry });
    }
    counter(config) {
        return this.existing(config.name, Counter) ?? new Counter({ ...config, registers: [this.registry] });
    }
    gauge(config) {
        return this.existing(config.name, Gauge) ?? new Gauge({ ...config, registers: [this.registry] });
    }
    /** A gauge read at scrape time by `read`; NaN when the read fails (say, the database is down), never a failed scrape. */
    gaugeReading(name, help, read) {
        return this.gauge({
            name,
            help,
            async collect() {
                this.set(await read().catch(() => NaN));
            },
        });
    }
    histogram(config) {
        return this.existing(config.name, Histogram) ?? new Histogram({ ...config, registers: [this.registry] });
    }
    /** The text exposition format and its content type. */
    async scrape() {
        return { contentType: this.registry.contentType, body: await this.registry.metrics() };
    }
    onModuleDestroy() {
        this.registry.clear();
    }
    existing(name, kind) {
        const found = this.registry.getSingleMetric(name);
        if (found && !(found instanceof kind))
            throw new Error(`metric ${name} is already registered as another kind`);
        return found;
    }
};
MetricsService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [])
], MetricsService);
export { MetricsService };
//# sourceMappingURL=metrics.service.js.map