var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ApolloDriver } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { AnalyticsModule } from '../../../libs/analytics/src/index.js';
import { RequestContextFactory } from '../../../libs/auth/src/index.js';
import { CartModule } from '../../../libs/cart/src/index.js';
import { CatalogueModule } from '../../../libs/catalogue/src/index.js';
import { AppConfig } from '../../../libs/config/src/index.js';
import { CustomersModule } from '../../../libs/customers/src/index.js';
import { DemoDataModule } from '../../../libs/demo-data/src/index.js';
import { InventoryModule } from '../../../libs/inventory/src/index.js';
import { LocationsModule } from '../../../libs/locations/src/index.js';
import { NotificationsModule } from '../../../libs/notifications/src/index.js';
import { OrdersModule } from '../../../libs/orders/src/index.js';
import { PromotionsModule } from '../../../libs/promotions/src/index.js';
import { MetricsService } from '../../../libs/observability/src/index.js';
import { StaffModule } from '../../../libs/staff/src/index.js';
import { graphqlConfig } from './graphql/graphql.config.js';
import { HealthModule } from './health/health.module.js';
import { PlatformModule } from './platform.module.js';
import { RateLimiter } from './graphql/rate-limiter.js';
import { PublicResponseCache } from './graphql/response-cache/public-response-cache.js';
import { ResponseCacheModule } from './graphql/response-cache/response-cache.module.js';
/** Wiring only: the domain lives in libs/. */
let AppModule = class AppModule {
};
AppModule = __decorate([
    Module({
        imports: [
            PlatformModule,
            GraphQLModule.forRootAsync({
                driver: ApolloDriver,
                imports: [ResponseCacheModule, DiscoveryModule],
                inject: [AppConfig, RequestContextFactory, MetricsService, PublicResponseCache, RateLimiter, DiscoveryService, MetadataScanner, Reflector],
                useFactory: graphqlConfig,
            }),
            HealthModule,
            LocationsModule,
            CatalogueModule,
            InventoryModule,
            StaffModule,
            CustomersModule,
            PromotionsModule,
            CartModule,
            NotificationsModule,
            OrdersModule,
            AnalyticsModule,
            DemoDataModule,
        ],
    })
], AppModule);
export { AppModule };
//# sourceMappingURL=app.module.js.map