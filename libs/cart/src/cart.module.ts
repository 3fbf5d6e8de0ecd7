import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@app/catalogue';
import { CustomersModule } from '@app/customers';
import { LocationsModule } from '@app/locations';
import { PromotionsModule } from '@app/promotions';
import { StaffModule } from '@app/staff';
import { CartLineEntity } from './entities/cart-line.entity.js';
import { CartEntity } from './entities/cart.entity.js';
import { CartFieldsResolver } from './resolvers/cart-fields.resolver.js';
import { CartFulfillmentResolver, CartLineResolver } from './resolvers/cart-line.resolver.js';
import { CartResolver } from './resolvers/cart.resolver.js';
import { CustomerCartResolver } from './resolvers/customer-cart.resolver.js';
import { CartErasure } from './services/cart-erasure.service.js';
import { CartMergeService } from './services/cart-merge.service.js';
import { CartPricingService } from './services/cart-pricing.service.js';
import { CartsService } from './services/carts.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CartEntity, CartLineEntity]),
    CatalogueModule,
    CustomersModule,
    LocationsModule,
    PromotionsModule,
    StaffModule,
  ],
  providers: [
    CartsService,
    CartMergeService,
    CartErasure,
    CartPricingService,
    CartResolver,
    CartFieldsResolver,
    CartLineResolver,
    CartFulfillmentResolver,
    CustomerCartResolver,
  ],
  exports: [CartsService, CartPricingService],
})
export class CartModule {}
