var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '../../catalogue/src/index.js';
import { LocationsModule } from '../../locations/src/index.js';
import { StockLevelEntity } from './entities/stock-level.entity.js';
import { StockMovementEntity } from './entities/stock-movement.entity.js';
import { StockChangedResolver } from './resolvers/stock-changed.resolver.js';
import { StockResolver } from './resolvers/stock.resolver.js';
import { StoresNearResolver } from './resolvers/stores-near.resolver.js';
import { VariantAvailabilityResolver } from './resolvers/variant-availability.resolver.js';
import { AvailabilityCache } from './services/availability-cache.js';
import { StockLedger } from './services/stock-ledger.service.js';
import { StockQueryService } from './services/stock-query.service.js';
import { StockService } from './services/stock.service.js';
let InventoryModule = class InventoryModule {
};
InventoryModule = __decorate([
    Module({
        imports: [TypeOrmModule.forFeature([StockLevelEntity, StockMovementEntity]), CatalogueModule, LocationsModule],
        providers: [AvailabilityCache, StockLedger, StockQueryService, StockService, StockResolver, StockChangedResolver, StoresNearResolver, VariantAvailabilityResolver],
        exports: [StockLedger, StockQueryService],
    })
], InventoryModule);
export { InventoryModule };
//# sourceMappingURL=inventory.module.js.map