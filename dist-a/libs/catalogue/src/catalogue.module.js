var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProductVariantEntity } from './entities/product-variant.entity.js';
import { ProductEntity } from './entities/product.entity.js';
import { ProductsResolver } from './resolvers/products.resolver.js';
import { VariantsResolver } from './resolvers/variants.resolver.js';
import { CatalogueService } from './services/catalogue.service.js';
import { ProductSearchService } from './services/product-search.service.js';
let CatalogueModule = class CatalogueModule {
};
CatalogueModule = __decorate([
    Module({
        imports: [TypeOrmModule.forFeature([ProductEntity, ProductVariantEntity])],
        providers: [CatalogueService, ProductSearchService, ProductsResolver, VariantsResolver],
        exports: [CatalogueService],
    })
], CatalogueModule);
export { CatalogueModule };
//# sourceMappingURL=catalogue.module.js.map