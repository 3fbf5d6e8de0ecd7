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
import { Global, Inject, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../../../config/src/index.js';
import { InMemoryRedisService } from './in-memory-redis.service.js';
import { IoRedisService } from './io-redis.service.js';
import { RedisService } from './redis.service.js';
let RedisModule = class RedisModule {
    redis;
    constructor(redis) {
        this.redis = redis;
    }
    async onApplicationShutdown() {
        await this.redis.close();
    }
};
RedisModule = __decorate([
    Global(),
    Module({
        providers: [
            {
                provide: RedisService,
                inject: [AppConfig],
                useFactory: (config) => {
                    const url = config.get('REDIS_URL');
                    if (url)
                        return new IoRedisService(url, config.get('REDIS_KEY_PREFIX'));
                    new Logger('Redis').log('REDIS_URL unset: using the in-process stand-in (one process only)');
                    return new InMemoryRedisService();
                },
            },
        ],
        exports: [RedisService],
    }),
    __param(0, Inject(RedisService)),
    __metadata("design:paramtypes", [RedisService])
], RedisModule);
export { RedisModule };
//# sourceMappingURL=redis.module.js.map