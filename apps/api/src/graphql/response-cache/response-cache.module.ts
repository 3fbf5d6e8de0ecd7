import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { RateLimiter } from '../rate-limiter.js';
import { PublicResponseCacheMiddleware } from './public-response-cache.middleware.js';
import { PublicResponseCache } from './public-response-cache.js';

/**
 * The response cache and the rate limiter it shares with the GraphQL plugins. Its middleware is a Nest
 * module middleware, so it runs after the request logger and before Apollo.
 */
@Module({
  providers: [PublicResponseCache, RateLimiter, PublicResponseCacheMiddleware],
  exports: [PublicResponseCache, RateLimiter],
})
export class ResponseCacheModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicResponseCacheMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.POST });
  }
}
