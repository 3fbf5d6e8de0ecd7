import { Args, Info, Int, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { selects } from '@app/common';
import { OrderFilter } from '../dto/order-filter.input.js';
import { OrderConnection } from '../models/order-connection.model.js';
import { Order } from '../models/order.model.js';
import { OrderListing, type OrderPage } from '../services/order-listing.service.js';
import { OrderQueries } from '../services/order-queries.service.js';

/** The back office's order list and lookup by number. */
@Resolver()
export class OrderListResolver {
  constructor(
    private readonly listing: OrderListing,
    private readonly queries: OrderQueries,
  ) {}

  @Query(() => OrderConnection, {
    description:
      'Staff: the orders of their location (sold, sent from or collected there), newest first; admins: every order, or one location. first: 1 to 100.',
  })
  @StaffOnly()
  async orders(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    // Typed OrderFilter alone (null at run time when not sent): the metadata of `OrderFilter | undefined` is
    // Object, which the ValidationPipe leaves unchecked.
    @Args('filter', { type: () => OrderFilter, nullable: true }) filter: OrderFilter,
  ): Promise<OrderConnection> {
    return toConnection(await this.listing.list(ctx, first, after ?? undefined, filter ?? {}, selects(info, 'totalCount')));
  }

  @Query(() => Order, {
    nullable: true,
    description: 'Staff of a location the order involves, and admins: an order by its number (null when none has it).',
  })
  @StaffOnly()
  async orderByNumber(@Ctx() ctx: RequestContext, @Args('number', { type: () => String }) number: string): Promise<Order | null> {
    const o = await this.queries.byNumber(ctx, number);
    return o && Order.from(o);
  }
}

export function toConnection(page: OrderPage): OrderConnection {
  return {
    totalCount: page.totalCount ?? 0, // not asked for when null: never sent
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
    edges: page.rows.map((r) => ({ cursor: r.cursor, node: Order.from(r.order) })),
  };
}
