var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '../../../libs/auth/src/index.js';
import { DatabaseModule, EventsModule, RedisModule } from '../../../libs/common/src/index.js';
import { AppConfig, AppConfigModule } from '../../../libs/config/src/index.js';
import { MetricsModule } from '../../../libs/observability/src/index.js';
import { MIGRATIONS } from '../../../migrations/index.js';
import { loggerConfig } from './logger.config.js';
/**
 * What every process of the service stands on, whatever it serves: validated settings, logs, PostgreSQL
 * (migrated on start), Redis, after-commit events, tokens, metrics. The API and the worker both import it.
 */
let PlatformModule = class PlatformModule {
};
PlatformModule = __decorate([
    Module({
        imports: [
            AppConfigModule,
            LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerConfig }),
            DatabaseModule.forRoot(MIGRATIONS),
            RedisModule,
            EventsModule,
            AuthModule,
            MetricsModule,
        ],
    })
], PlatformModule);
export { PlatformModule };
//# sourceMappingURL=platform.module.js.map