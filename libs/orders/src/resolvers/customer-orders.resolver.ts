import { Field, GraphQLISODateTime, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, SalesChannel } from '@app/auth';
import { assertMayUseCart } from '@app/cart';
import { Money } from '@app/common';
import { callerFor, Customer } from '@app/customers';
import { Order } from '../models/order.model.js';
import { OrderQueries } from '../services/order-queries.service.js';

@ObjectType({ description: "A customer's figures across every channel; cancelled orders do not count." })
export class CustomerStats {
  @Field(() => Int) orders: number;
  @Field(() => Money) totalSpent: Money;
  @Field(() => Money, { nullable: true }) averageBasket: Money | null;
  @Field(() => SalesChannel, { nullable: true, description: 'Where most of their orders were placed (the latest wins a tie).' })
  preferredChannel: SalesChannel | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastPurchaseAt: Date | null;
}

@Resolver(() => Customer)
export class CustomerOrdersResolver {
  constructor(private readonly queries: OrderQueries) {}

  @ResolveField(() => [Order], { description: 'Orders from every channel (web, app, store), newest first.' })
  async orders(@Parent() customer: Customer, @Ctx() ctx: RequestContext): Promise<Order[]> {
    assertMayUseCart(callerFor(ctx.caller, customer), { customerId: customer.id }); // the customer themselves, or staff
    return (await this.queries.forCustomer(customer.id)).map((o) => Order.from(o));
  }

  @ResolveField(() => CustomerStats)
  async stats(@Parent() customer: Customer, @Ctx() ctx: RequestContext): Promise<CustomerStats> {
    assertMayUseCart(callerFor(ctx.caller, customer), { customerId: customer.id });
    const s = await this.queries.statsOf(customer.id);
    return {
      orders: s.orders,
      totalSpent: Money.of(s.totalSpent, s.currency),
      lastPurchaseAt: s.lastPurchaseAt,
      preferredChannel: s.preferredChannel,
      averageBasket: s.orders ? Money.of(Math.round(s.totalSpent / s.orders), s.currency) : null,
    };
  }
}
