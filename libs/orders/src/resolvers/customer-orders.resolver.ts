import { Args, Field, GraphQLISODateTime, Info, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, type RequestContext, SalesChannel } from '@app/auth';
import { assertMayUseCart } from '@app/cart';
import { Money, selects } from '@app/common';
import { callerFor, Customer } from '@app/customers';
import { OrderConnection } from '../models/order-connection.model.js';
import { Order } from '../models/order.model.js';
import { OrderListing } from '../services/order-listing.service.js';
import { OrderQueries } from '../services/order-queries.service.js';
import { toConnection } from './order-list.resolver.js';

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
  constructor(
    private readonly queries: OrderQueries,
    private readonly listing: OrderListing,
  ) {}

  @ResolveField(() => [Order], {
    description: 'The newest 50 orders from every channel (web, app, store), newest first; orderHistory pages through all of them.',
  })
  async orders(@Parent() customer: Customer, @Ctx() ctx: RequestContext): Promise<Order[]> {
    assertMayUseCart(callerFor(ctx.caller, customer), { customerId: customer.id }); // the customer themselves, or staff
    return (await this.queries.forCustomer(customer.id)).map((o) => Order.from(o));
  }

  @ResolveField(() => OrderConnection, {
    description: 'Every order from every channel, newest first, a page at a time (first: 1 to 100); the same access as orders.',
  })
  async orderHistory(
    @Parent() customer: Customer,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<OrderConnection> {
    assertMayUseCart(callerFor(ctx.caller, customer), { customerId: customer.id });
    return toConnection(await this.listing.forCustomer(customer.id, first, after ?? undefined, selects(info, 'totalCount')));
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
