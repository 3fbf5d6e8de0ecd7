import { Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { AnalyticsModule } from '@app/analytics';
import { AuditModule } from '@app/audit';
import { RequestContextFactory, SessionsApiModule } from '@app/auth';
import { CartModule } from '@app/cart';
import { CatalogueModule } from '@app/catalogue';
import { AppConfig } from '@app/config';
import { CustomersModule } from '@app/customers';
import { DemoDataModule } from '@app/demo-data';
import { InventoryModule } from '@app/inventory';
import { LocationsModule } from '@app/locations';
import { NotificationsModule } from '@app/notifications';
import { OrdersModule } from '@app/orders';
import { PaymentsModule } from '@app/payments';
import { ReturnsModule } from '@app/returns';
import { BulkModule } from '@app/bulk';
import { PromotionsModule } from '@app/promotions';
import { MetricsService } from '@app/observability';
import { PlatformModule } from '@app/platform';
import { StaffModule } from '@app/staff';
import { WebhooksModule } from '@app/webhooks';
import { graphqlConfig } from './graphql/graphql.config.js';
import { HealthModule } from './health/health.module.js';
import { RateLimiter } from './graphql/rate-limiter.js';
import { PublicResponseCache } from './graphql/response-cache/public-response-cache.js';
import { ResponseCacheModule } from './graphql/response-cache/response-cache.module.js';
import { GraphqlWebSocketServer } from './graphql/websocket/graphql-ws.server.js';

/** Wiring only: the domain lives in libs/. */
@Module({
  imports: [
    PlatformModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [ResponseCacheModule, DiscoveryModule],
      inject: [
        AppConfig,
        RequestContextFactory,
        MetricsService,
        PublicResponseCache,
        RateLimiter,
        DiscoveryService,
        MetadataScanner,
        Reflector,
      ],
      useFactory: graphqlConfig,
    }),
    HealthModule,
    SessionsApiModule,
    AuditModule,
    LocationsModule,
    CatalogueModule,
    InventoryModule,
    StaffModule,
    CustomersModule,
    PromotionsModule,
    CartModule,
    NotificationsModule,
    OrdersModule,
    PaymentsModule,
    WebhooksModule,
    AnalyticsModule,
    ReturnsModule,
    BulkModule,
    DemoDataModule,
    ResponseCacheModule,
  ],
  providers: [GraphqlWebSocketServer],
})
export class AppModule {}
