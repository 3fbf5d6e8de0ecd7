import { Module } from '@nestjs/common';
import { CatalogueModule } from '@app/catalogue';
import { InventoryModule } from '@app/inventory';
import { LocationsModule } from '@app/locations';
import { NotificationsModule } from '@app/notifications';
import { OrdersModule } from '@app/orders';
import { PaymentsModule } from '@app/payments';
import { WebhooksModule } from '@app/webhooks';
import { OrderReturnsResolver, ReturnLineResolver, ReturnsResolver } from './resolvers/returns.resolver.js';
import { ReturnFacts } from './services/return-facts.service.js';
import { ReturnQueries } from './services/return-queries.service.js';
import { ReturnsService } from './services/returns.service.js';

/** Returns and exchanges: bought anywhere, brought back to any store (docs/adr/0033-returns.md). */
@Module({
  imports: [CatalogueModule, InventoryModule, LocationsModule, NotificationsModule, OrdersModule, PaymentsModule, WebhooksModule],
  providers: [ReturnsService, ReturnQueries, ReturnFacts, ReturnsResolver, ReturnLineResolver, OrderReturnsResolver],
  exports: [ReturnFacts],
})
export class ReturnsModule {}
