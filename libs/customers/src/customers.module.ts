import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerEntity } from './entities/customer.entity.js';
import { CustomersResolver } from './resolvers/customers.resolver.js';
import { CustomerSessionResolver } from './resolvers/customer-session.resolver.js';
import { CustomersService } from './services/customers.service.js';
import { GuestCartMerge } from './services/guest-cart-merge.js';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity])],
  providers: [CustomersService, GuestCartMerge, CustomersResolver, CustomerSessionResolver],
  exports: [CustomersService, GuestCartMerge],
})
export class CustomersModule {}
