import { Module } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { AnalyticsModule } from '@app/analytics';
import { RequestContextFactory } from '@app/auth';
import { CartModule } from '@app/cart';
import { CatalogueModule } from '@app/catalogue';
import { RedisService } from '@app/common';
import { AppConfig } from '@app/config';
import { CustomersModule } from '@app/customers';
import { DemoDataModule } from '@app/demo-data';
import { InventoryModule } from '@app/inventory';
import { LocationsModule } from '@app/locations';
import { NotificationsModule } from '@app/notifications';
import { OrdersModule } from '@app/orders';
import { PromotionsModule } from '@app/promotions';
import { MetricsService } from '@app/observability';
import { StaffModule } from '@app/staff';
import { graphqlConfig } from './graphql/graphql.config.js';
import { HealthModule } from './health/health.module.js';
import { PlatformModule } from './platform.module.js';

/** Wiring only: the domain lives in libs/. */
@Module({
  imports: [
    PlatformModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig, RequestContextFactory, MetricsService, RedisService],
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
export class AppModule {}
