import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Ctx, isCustomer, type RequestContext, StaffOnly } from '@app/auth';
import { badInput } from '@app/common';
import { Customer } from '../models/customer.model.js';
import { CustomersService } from '../services/customers.service.js';

@Resolver(() => Customer)
export class CustomersResolver {
  constructor(private readonly customers: CustomersService) {}

  @Query(() => Customer, { nullable: true, description: 'The signed-in customer; null for guests and staff.' })
  async me(@Ctx() ctx: RequestContext): Promise<Customer | null> {
    if (!isCustomer(ctx.caller)) return null;
    const c = await this.customers.find(ctx.caller.customerId);
    return c && Customer.from(c);
  }

  @Query(() => [Customer], { description: 'Staff: customers with exactly this email or phone number.' })
  @StaffOnly()
  async customerLookup(@Ctx() ctx: RequestContext, @Args('query', { type: () => String }) query: string): Promise<Customer[]> {
    if (query.length > 254) throw badInput('query is at most 254 characters', ['query']);
    return (await this.customers.lookup(ctx.caller, query)).map((c) => Customer.from(c));
  }

  @Query(() => Customer, { nullable: true, description: 'Staff: one customer, to serve them in store.' })
  @StaffOnly()
  async customer(@Args('id', { type: () => ID }) id: string): Promise<Customer | null> {
    const c = await this.customers.find(id);
    return c && Customer.from(c);
  }
}
