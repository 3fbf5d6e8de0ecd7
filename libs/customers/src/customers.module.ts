import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CustomerEntity } from './entities/customer.entity.js';
import { CustomersResolver } from './resolvers/customers.resolver.js';
import { CustomerSessionResolver } from './resolvers/customer-session.resolver.js';
import { CustomersService } from './services/customers.service.js';
import { CustomerErasure } from './services/customer-erasure.js';
import { GuestCartMerge } from './services/guest-cart-merge.js';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity]), AuditModule],
  providers: [CustomersService, GuestCartMerge, CustomerErasure, CustomersResolver, CustomerSessionResolver],
  exports: [CustomersService, GuestCartMerge, CustomerErasure],
})
export class CustomersModule {}
