import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@app/auth';
import { ClockModule, DatabaseModule, EventsModule, RedisModule, SecretsModule } from '@app/common';
import { AppConfig, AppConfigModule } from '@app/config';
import { MetricsModule } from '@app/observability';
import { MIGRATIONS } from '../../../migrations/index.js';
import { loggerConfig } from './logger.config.js';

/**
 * What every process of the service stands on, whatever it serves: validated settings, logs, PostgreSQL
 * (migrated on start), its secrets, Redis, after-commit events, tokens, metrics. The API and the worker both
 * import it (a lib: apps do not import each other).
 */
@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerConfig }),
    DatabaseModule.forRoot(MIGRATIONS),
    SecretsModule,
    RedisModule,
    EventsModule,
    AuthModule,
    MetricsModule,
  ],
})
export class PlatformModule {}
