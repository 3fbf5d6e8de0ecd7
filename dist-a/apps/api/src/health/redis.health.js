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
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisService } from '../../../../libs/common/src/index.js';
let RedisHealthIndicator = class RedisHealthIndicator {
    redis;
    health;
    constructor(redis, health) {
        this.redis = redis;
        this.health = health;
    }
    async check(key = 'redis') {
        const indicator = this.health.check(key);
        try {
            await Promise.race([this.redis.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
            return indicator.up({ kind: this.redis.kind });
        }
        catch (err) {
            return indicator.down({ kind: this.redis.kind, message: err.message });
        }
    }
};
RedisHealthIndicator = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [RedisService,
        HealthIndicatorService])
], RedisHealthIndicator);
export { RedisHealthIndicator };
//# sourceMappingURL=redis.health.js.map