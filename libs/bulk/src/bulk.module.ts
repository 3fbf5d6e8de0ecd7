import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CatalogueModule } from '@app/catalogue';
import { InventoryModule } from '@app/inventory';
import { LocationsModule } from '@app/locations';
import { OrdersModule } from '@app/orders';
import { BulkController } from './bulk.controller.js';
import { BulkJobs } from './bulk-jobs.service.js';
import { BulkResolver } from './bulk.resolver.js';
import { StockFeedRunner } from './stock-feed.runner.js';

/** Bulk feeds from the retailer's systems over HTTP, applied in the background in batches (issue 26). */
@Module({
  imports: [AuthModule, CatalogueModule, InventoryModule, LocationsModule, OrdersModule],
  controllers: [BulkController],
  providers: [BulkJobs, StockFeedRunner, BulkResolver],
})
export class BulkModule {}
