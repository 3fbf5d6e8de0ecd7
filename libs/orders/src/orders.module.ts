import { Module } from '@nestjs/common';
import { CountShortages } from './services/count-shortages.service.js';
import { OrderExport } from './services/order-export.service.js';
import { PosSales } from './services/pos-sales.service.js';
import { PosSaleResolver } from './resolvers/pos-sale.resolver.js';
import { OrderReturns } from './services/order-returns.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { PaymentsModule } from '@app/payments';
import { CartModule } from '@app/cart';
import { CatalogueModule } from '@app/catalogue';
import { CustomersModule } from '@app/customers';
import { InventoryModule } from '@app/inventory';
import { LocationsModule } from '@app/locations';
import { NotificationsModule } from '@app/notifications';
import { PromotionsModule } from '@app/promotions';
import { StaffModule } from '@app/staff';
import { WebhooksModule } from '@app/webhooks';
import { FulfillmentEntity } from './entities/fulfillment.entity.js';
import { OrderLineEntity } from './entities/order-line.entity.js';
import { OrderEntity } from './entities/order.entity.js';
import { CustomerOrdersResolver } from './resolvers/customer-orders.resolver.js';
import { FulfillmentLineResolver, FulfillmentResolver } from './resolvers/fulfillment.resolver.js';
import { EndlessAisleResolver } from './resolvers/endless-aisle.resolver.js';
import { OrderSubscriptionsResolver } from './resolvers/order-subscriptions.resolver.js';
import { OrderListResolver } from './resolvers/order-list.resolver.js';
import { OrdersResolver } from './resolvers/orders.resolver.js';
import { PickListResolver } from './resolvers/pick-list.resolver.js';
import { PickList } from './services/pick-list.service.js';
import { OrderEvents } from './services/order-events.js';
import { OrderMetrics } from './services/order-metrics.js';
import { AssistedOrderService } from './services/assisted-order.service.js';
import { BackgroundJobs } from './services/background-jobs.service.js';
import { CheckoutService } from './services/checkout.service.js';
import { OrderPlacement } from './services/order-placement.service.js';
import { PlacementRetries } from './services/placement-retries.service.js';
import { ExpirySweep } from './services/expiry-sweep.service.js';
import { FulfillmentMoves } from './services/fulfillment-moves.service.js';
import { FulfillmentTransitions } from './services/fulfillment-transitions.service.js';
import { OrderAccess } from './services/order-access.service.js';
import { OrderListing } from './services/order-listing.service.js';
import { OrderPayments } from './payments/order-payments.service.js';
import { ShortageResolver } from './resolvers/shortage.resolver.js';
import { FulfillmentShortages } from './services/fulfillment-shortages.service.js';
import { FulfillmentPaymentResolver, OrderPaymentResolver } from './resolvers/order-payment.resolver.js';
import { OrderErasure } from './services/order-erasure.service.js';
import { OrderQueries } from './services/order-queries.service.js';
import { OrderWriter } from './services/order-writer.service.js';
import { PickupCodes } from './services/pickup-code.js';
import { SalesFacts } from './services/sales-facts.service.js';
import { FulfilmentCapacity } from './sourcing/fulfilment-capacity.service.js';
import { SourcingStrategy, WarehouseFirstNearestSourcing } from './sourcing/sourcing-strategy.js';
import { SourcingService } from './sourcing/sourcing.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, FulfillmentEntity, OrderLineEntity]),
    AuditModule,
    CartModule,
    CatalogueModule,
    CustomersModule,
    InventoryModule,
    LocationsModule,
    NotificationsModule,
    PaymentsModule,
    PromotionsModule,
    StaffModule,
    WebhooksModule,
  ],
  providers: [
    OrderExport,
    CountShortages,
    PosSales,
    PosSaleResolver,
    OrderReturns,
    FulfilmentCapacity,
    // The sourcing rule; a retailer with another rule provides its own SourcingStrategy here.
    { provide: SourcingStrategy, useClass: WarehouseFirstNearestSourcing },
    SourcingService,
    OrderPayments,
    FulfillmentShortages,
    ShortageResolver,
    OrderPaymentResolver,
    FulfillmentPaymentResolver,
    PickupCodes,
    OrderAccess,
    OrderWriter,
    OrderQueries,
    OrderListing,
    OrderPlacement,
    PlacementRetries,
    CheckoutService,
    AssistedOrderService,
    FulfillmentMoves,
    FulfillmentTransitions,
    ExpirySweep,
    BackgroundJobs,
    OrderEvents,
    OrderMetrics,
    SalesFacts,
    PickList,
    PickListResolver,
    OrderErasure,
    OrdersResolver,
    OrderListResolver,
    EndlessAisleResolver,
    OrderSubscriptionsResolver,
    FulfillmentResolver,
    FulfillmentLineResolver,
    CustomerOrdersResolver,
  ],
  exports: [
    OrderExport,
    OrderReturns,
    SalesFacts,
    CheckoutService,
    OrderQueries,
    SourcingService,
    FulfillmentTransitions,
    ExpirySweep,
    BackgroundJobs,
  ],
})
export class OrdersModule {}
