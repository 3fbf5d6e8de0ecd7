import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProductVariantEntity } from './entities/product-variant.entity.js';
import { ProductEntity } from './entities/product.entity.js';
import { ProductsResolver } from './resolvers/products.resolver.js';
import { VariantsResolver } from './resolvers/variants.resolver.js';
import { AuditModule } from '@app/audit';
import { CatalogueWrites } from './services/catalogue-writes.js';
import { CatalogueService } from './services/catalogue.service.js';
import { ProductChanges } from './services/product-changes.service.js';
import { VariantChanges } from './services/variant-changes.service.js';
import { ProductCountCache } from './services/product-count-cache.js';
import { ProductSearchService } from './services/product-search.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity, ProductVariantEntity]), AuditModule],
  providers: [
    CatalogueService,
    CatalogueWrites,
    ProductChanges,
    VariantChanges,
    ProductCountCache,
    ProductSearchService,
    ProductsResolver,
    VariantsResolver,
  ],
  exports: [CatalogueService],
})
export class CatalogueModule {}
