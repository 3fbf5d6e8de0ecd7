var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DatabaseEndpoint } from '../../../../libs/common/src/index.js';
import { RedisHealthIndicator } from './redis.health.js';
let HealthController = class HealthController {
    health;
    db;
    redis;
    endpoint;
    constructor(health, db, redis, endpoint) {
        this.health = health;
        this.db = db;
        this.redis = redis;
        this.endpoint = endpoint;
    }
    /** Liveness with details: the database and Redis. */
    check() {
        return this.health.check([() => this.database(), () => this.redis.check()]);
    }
    /**
     * Readiness: 503 while PostgreSQL does not answer, so a load balancer stops sending traffic. Redis is
     * left out: it holds only caches and counters (never the only copy), so without it the API degrades
     * rather than stops.
     */
    ready() {
        return this.health.check([() => this.database()]);
    }
    async database() {
        const r = await this.db.pingCheck('database', { timeout: 2000 });
        return { database: { ...r.database, kind: this.endpoint.kind } };
    }
};
__decorate([
    Get(),
    HealthCheck(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "check", null);
__decorate([
    Get('ready'),
    HealthCheck(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "ready", null);
HealthController = __decorate([
    Controller('health'),
    __metadata("design:paramtypes", [HealthCheckService,
        TypeOrmHealthIndicator,
        RedisHealthIndicator,
        DatabaseEndpoint])
], HealthController);
export { HealthController };
//# sourceMappingURL=health.controller.js.map