import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { assertMayUseCart } from '@app/cart';
import { Customer } from '@app/customers';
import { Order } from '../models/order.model.js';
import { OrderQueries } from '../services/order-queries.service.js';

@Resolver(() => Customer)
export class CustomerOrdersResolver {
  constructor(private readonly queries: OrderQueries) {}

  @ResolveField(() => [Order], { description: 'Orders from every channel (web, app, store), newest first.' })
  async orders(@Parent() customer: Customer, @Ctx() ctx: RequestContext): Promise<Order[]> {
    assertMayUseCart(ctx.caller, { customerId: customer.id }); // the customer themselves, or staff
    return (await this.queries.forCustomer(customer.id)).map((o) => Order.from(o));
  }
}
