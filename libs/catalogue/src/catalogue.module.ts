import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProductVariantEntity } from './entities/product-variant.entity.js';
import { ProductEntity } from './entities/product.entity.js';
import { ProductsResolver } from './resolvers/products.resolver.js';
import { VariantsResolver } from './resolvers/variants.resolver.js';
import { CatalogueService } from './services/catalogue.service.js';
import { ProductCountCache } from './services/product-count-cache.js';
import { ProductSearchService } from './services/product-search.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity, ProductVariantEntity])],
  providers: [CatalogueService, ProductCountCache, ProductSearchService, ProductsResolver, VariantsResolver],
  exports: [CatalogueService],
})
export class CatalogueModule {}
