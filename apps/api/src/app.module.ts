import { Module } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { AnalyticsModule } from '@app/analytics';
import { AuthModule, RequestContextFactory } from '@app/auth';
import { CartModule } from '@app/cart';
import { CatalogueModule } from '@app/catalogue';
import { DatabaseModule, EventsModule, RedisModule, RedisService } from '@app/common';
import { AppConfig, AppConfigModule } from '@app/config';
import { CustomersModule } from '@app/customers';
import { DemoDataModule } from '@app/demo-data';
import { InventoryModule } from '@app/inventory';
import { LocationsModule } from '@app/locations';
import { NotificationsModule } from '@app/notifications';
import { OrdersModule } from '@app/orders';
import { PromotionsModule } from '@app/promotions';
import { MetricsModule, MetricsService } from '@app/observability';
import { StaffModule } from '@app/staff';
import { MIGRATIONS } from '../../../migrations/index.js';
import { graphqlConfig } from './graphql/graphql.config.js';
import { HealthModule } from './health/health.module.js';
import { loggerConfig } from './logger.config.js';

/** Wiring only: the domain lives in libs/. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerConfig }),
    DatabaseModule.forRoot(MIGRATIONS),
    RedisModule,
    EventsModule,
    AuthModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig, RequestContextFactory, MetricsService, RedisService],
      useFactory: graphqlConfig,
    }),
    HealthModule,
    MetricsModule,
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
