import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Clock } from '../clock/clock.js';
import { InMemoryRedisService } from './in-memory-redis.service.js';
import { IoRedisService } from './io-redis.service.js';
import { RedisService } from './redis.service.js';

@Global()
@Module({
  providers: [
    {
      provide: RedisService,
      inject: [AppConfig, Clock],
      useFactory: (config: AppConfig, clock: Clock): RedisService => {
        const url = config.get('REDIS_URL');
        if (url) return new IoRedisService(url, config.get('REDIS_KEY_PREFIX'));
        new Logger('Redis').log('REDIS_URL unset: using the in-process stand-in (one process only)');
        return new InMemoryRedisService(clock);
      },
    },
  ],
  exports: [RedisService],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(RedisService) private readonly redis: RedisService) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.close();
  }
}
