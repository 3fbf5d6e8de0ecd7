import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, isCustomer, type RequestContext, StaffOnly, StaffRole } from '@app/auth';
import { badInput, payload } from '@app/common';
import { CustomerUpdateInput } from '../dto/customer.inputs.js';
import { Customer, CustomerPayload } from '../models/customer.model.js';
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

  @Query(() => [Customer], {
    description:
      'Staff: customers by email (any case), phone (any common format; national numbers in DEFAULT_PHONE_REGION) or the beginning ' +
      'of their name (any case, accents folded, 2 characters or more); at most 20, never an erased customer.',
  })
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

  @Mutation(() => CustomerPayload, {
    description:
      'The customer (their own account) or staff: name, phone and marketing consent (dated, with where it was collected). ' +
      'Audited as CUSTOMER_UPDATED.',
  })
  customerUpdate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CustomerUpdateInput,
  ): Promise<CustomerPayload> {
    return payload('customer', async () => Customer.from(await this.customers.update(ctx.caller, ctx.channel, id, input)));
  }

  @Mutation(() => CustomerPayload, {
    description:
      "Admins: the right to erasure. The customer's personal data is removed or anonymised everywhere, the account can no longer " +
      'sign in and its tokens stop working; orders stay for the accounts. A second erasure: CUSTOMER_ERASED.',
  })
  @StaffOnly(StaffRole.ADMIN)
  customerErase(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CustomerPayload> {
    return payload('customer', async () => Customer.from(await this.customers.erase(ctx.caller, id)));
  }
}
