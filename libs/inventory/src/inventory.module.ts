import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogueModule } from '@app/catalogue';
import { LocationsModule } from '@app/locations';
import { WebhooksModule } from '@app/webhooks';
import { StockLevelEntity } from './entities/stock-level.entity.js';
import { StockMovementEntity } from './entities/stock-movement.entity.js';
import { StockChangedResolver } from './resolvers/stock-changed.resolver.js';
import { StockResolver } from './resolvers/stock.resolver.js';
import { StoresNearResolver } from './resolvers/stores-near.resolver.js';
import { VariantAvailabilityResolver } from './resolvers/variant-availability.resolver.js';
import { AvailabilityCache } from './services/availability-cache.js';
import { StockLedger } from './services/stock-ledger.service.js';
import { PickupPromiseService } from './services/pickup-promise.service.js';
import { InventorySqlModule } from './services/stock-sql.js';
import { StockQueryService } from './services/stock-query.service.js';
import { StockService } from './services/stock.service.js';
import { StockStatesResolver } from './states/stock-states.resolver.js';
import { StockStatesService } from './states/stock-states.service.js';
import { TransferLineResolver, TransfersResolver } from './transfers/transfers.resolver.js';
import { TransfersService } from './transfers/transfers.service.js';
import { StockCountsResolver } from './counts/stock-counts.resolver.js';
import { StockCountsService } from './counts/stock-counts.service.js';
import { StockSetResolver } from './integration/stock-set.resolver.js';
import { StockSetService } from './integration/stock-set.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([StockLevelEntity, StockMovementEntity]),
    AuditModule,
    CatalogueModule,
    LocationsModule,
    InventorySqlModule,
    WebhooksModule,
  ],
  providers: [
    AvailabilityCache,
    StockLedger,
    StockQueryService,
    PickupPromiseService,
    StockService,
    StockResolver,
    StockChangedResolver,
    StoresNearResolver,
    VariantAvailabilityResolver,
    StockStatesService,
    StockStatesResolver,
    TransfersService,
    TransfersResolver,
    TransferLineResolver,
    StockCountsService,
    StockCountsResolver,
    StockSetService,
    StockSetResolver,
  ],
  exports: [StockLedger, StockQueryService, PickupPromiseService, StockCountsService],
})
export class InventoryModule {}
