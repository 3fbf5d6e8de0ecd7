var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module, RequestMethod } from '@nestjs/common';
import { RateLimiter } from '../rate-limiter.js';
import { PublicResponseCacheMiddleware } from './public-response-cache.middleware.js';
import { PublicResponseCache } from './public-response-cache.js';
/**
 * The response cache and the rate limiter it shares with the GraphQL plugins. Its middleware is a Nest
 * module middleware, so it runs after the request logger and before Apollo.
 */
let ResponseCacheModule = class ResponseCacheModule {
    configure(consumer) {
        consumer.apply(PublicResponseCacheMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.POST });
    }
};
ResponseCacheModule = __decorate([
    Module({
        providers: [PublicResponseCache, RateLimiter, PublicResponseCacheMiddleware],
        exports: [PublicResponseCache, RateLimiter],
    })
], ResponseCacheModule);
export { ResponseCacheModule };
//# sourceMappingURL=response-cache.module.js.map