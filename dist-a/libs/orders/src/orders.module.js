var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CartModule } from '../../cart/src/index.js';
import { CatalogueModule } from '../../catalogue/src/index.js';
import { CustomersModule } from '../../customers/src/index.js';
import { InventoryModule } from '../../inventory/src/index.js';
import { LocationsModule } from '../../locations/src/index.js';
import { NotificationsModule } from '../../notifications/src/index.js';
import { PromotionsModule } from '../../promotions/src/index.js';
import { StaffModule } from '../../staff/src/index.js';
import { FulfillmentEntity } from './entities/fulfillment.entity.js';
import { OrderLineEntity } from './entities/order-line.entity.js';
import { OrderEntity } from './entities/order.entity.js';
import { CustomerOrdersResolver } from './resolvers/customer-orders.resolver.js';
import { FulfillmentLineResolver, FulfillmentResolver } from './resolvers/fulfillment.resolver.js';
import { EndlessAisleResolver } from './resolvers/endless-aisle.resolver.js';
import { OrderSubscriptionsResolver } from './resolvers/order-subscriptions.resolver.js';
import { OrdersResolver } from './resolvers/orders.resolver.js';
import { OrderEvents } from './services/order-events.js';
import { OrderMetrics } from './services/order-metrics.js';
import { AssistedOrderService } from './services/assisted-order.service.js';
import { BackgroundJobs } from './services/background-jobs.service.js';
import { CheckoutService } from './services/checkout.service.js';
import { ExpirySweep } from './services/expiry-sweep.service.js';
import { FulfillmentTransitions } from './services/fulfillment-transitions.service.js';
import { OrderAccess } from './services/order-access.service.js';
import { OrderQueries } from './services/order-queries.service.js';
import { OrderWriter } from './services/order-writer.service.js';
import { PickupCodes } from './services/pickup-code.js';
import { SourcingStrategy, WarehouseFirstNearestSourcing } from './sourcing/sourcing-strategy.js';
import { SourcingService } from './sourcing/sourcing.service.js';
let OrdersModule = class OrdersModule {
};
OrdersModule = __decorate([
    Module({
        imports: [
            TypeOrmModule.forFeature([OrderEntity, FulfillmentEntity, OrderLineEntity]),
            CartModule, CatalogueModule, CustomersModule, InventoryModule, LocationsModule, NotificationsModule, PromotionsModule, StaffModule,
        ],
        providers: [
            // The sourcing rule; a retailer with another rule provides its own SourcingStrategy here.
            { provide: SourcingStrategy, useClass: WarehouseFirstNearestSourcing },
            SourcingService, PickupCodes, OrderAccess, OrderWriter, OrderQueries, CheckoutService, AssistedOrderService, FulfillmentTransitions, ExpirySweep, BackgroundJobs,
            OrderEvents, OrderMetrics, OrdersResolver, EndlessAisleResolver, OrderSubscriptionsResolver, FulfillmentResolver, FulfillmentLineResolver, CustomerOrdersResolver,
        ],
        exports: [CheckoutService, OrderQueries, SourcingService, FulfillmentTransitions, ExpirySweep, BackgroundJobs],
    })
], OrdersModule);
export { OrdersModule };
//# sourceMappingURL=orders.module.js.map