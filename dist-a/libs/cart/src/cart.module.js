var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '../../catalogue/src/index.js';
import { CustomersModule } from '../../customers/src/index.js';
import { LocationsModule } from '../../locations/src/index.js';
import { PromotionsModule } from '../../promotions/src/index.js';
import { StaffModule } from '../../staff/src/index.js';
import { CartLineEntity } from './entities/cart-line.entity.js';
import { CartEntity } from './entities/cart.entity.js';
import { CartFieldsResolver } from './resolvers/cart-fields.resolver.js';
import { CartFulfillmentResolver, CartLineResolver } from './resolvers/cart-line.resolver.js';
import { CartResolver } from './resolvers/cart.resolver.js';
import { CustomerCartResolver } from './resolvers/customer-cart.resolver.js';
import { CustomerSessionResolver } from './resolvers/customer-session.resolver.js';
import { CartMergeService } from './services/cart-merge.service.js';
import { CartPricingService } from './services/cart-pricing.service.js';
import { CartsService } from './services/carts.service.js';
let CartModule = class CartModule {
};
CartModule = __decorate([
    Module({
        imports: [TypeOrmModule.forFeature([CartEntity, CartLineEntity]), CatalogueModule, CustomersModule, LocationsModule, PromotionsModule, StaffModule],
        providers: [
            CartsService, CartMergeService, CartPricingService,
            CartResolver, CartFieldsResolver, CartLineResolver, CartFulfillmentResolver, CustomerCartResolver, CustomerSessionResolver,
        ],
        exports: [CartsService, CartPricingService],
    })
], CartModule);
export { CartModule };
//# sourceMappingURL=cart.module.js.map