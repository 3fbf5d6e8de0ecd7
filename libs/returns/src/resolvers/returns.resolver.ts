import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { CatalogueService, ProductVariant, toVariant } from '@app/catalogue';
import { notFound, payload } from '@app/common';
import { Location, LocationsService, toLocation } from '@app/locations';
import { Order, OrderQueries } from '@app/orders';
import { Return, ReturnCreateInput, ReturnLine, ReturnPayload, ReturnReceiveInput, ReturnRequestInput } from '../models/return.model.js';
import { ReturnQueries } from '../services/return-queries.service.js';
import { ReturnsService } from '../services/returns.service.js';

@Resolver(() => Return)
export class ReturnsResolver {
  constructor(
    private readonly returns: ReturnsService,
    private readonly queries: ReturnQueries,
    private readonly orders: OrderQueries,
    private readonly locations: LocationsService,
  ) {}

  @Mutation(() => ReturnPayload, {
    description: 'The customer who placed the order (or staff for them): a numbered return of units handed over, to bring to any store.',
  })
  returnRequest(@Ctx() ctx: RequestContext, @Args('input') input: ReturnRequestInput): Promise<ReturnPayload> {
    return payload('return', () => this.returns.request(ctx.caller, input));
  }

  @Mutation(() => ReturnPayload, {
    description:
      'Staff of the receiving store: a requested return arrives; RESTOCK puts units on sale there, DAMAGED aside as unsellable; the money goes back.',
  })
  @StaffOnly()
  returnReceive(@Ctx() ctx: RequestContext, @Args('input') input: ReturnReceiveInput): Promise<ReturnPayload> {
    return payload('return', () => this.returns.receive(ctx.caller, input));
  }

  @Mutation(() => ReturnPayload, {
    description:
      'Staff at the counter: a return received at once, with sizes swapped for others of the same product at the same price (exchange).',
  })
  @StaffOnly()
  returnCreate(@Ctx() ctx: RequestContext, @Args('input') input: ReturnCreateInput): Promise<ReturnPayload> {
    return payload('return', () => this.returns.create(ctx, input));
  }

  @Query(() => Return, { nullable: true, description: 'Staff of any store: a return by the number the customer shows.' })
  @StaffOnly()
  returnByNumber(@Args('number', { type: () => String }) number: string): Promise<Return | null> {
    return this.queries.byNumber(number);
  }

  @ResolveField(() => Order)
  async order(@Parent() r: Return, @Ctx() ctx: RequestContext): Promise<Order> {
    const o = await this.orders.loadOrder(ctx, r.orderId);
    if (!o) throw notFound('Order');
    return Order.from(o);
  }

  @ResolveField(() => Order, { nullable: true, description: 'The STORE order of the sizes swapped at the counter, at no charge.' })
  async exchangeOrder(@Parent() r: Return, @Ctx() ctx: RequestContext): Promise<Order | null> {
    const o = r.exchangeOrderId ? await this.orders.loadOrder(ctx, r.exchangeOrderId) : null;
    return o && Order.from(o);
  }

  @ResolveField(() => Location, { nullable: true, description: 'The store that received it; null while requested.' })
  async location(@Parent() r: Return, @Ctx() ctx: RequestContext): Promise<Location | null> {
    const l = r.locationId ? await this.locations.load(ctx, r.locationId) : null;
    return l && toLocation(l);
  }
}

@Resolver(() => ReturnLine)
export class ReturnLineResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @ResolveField(() => ProductVariant)
  async variant(@Parent() l: ReturnLine, @Ctx() ctx: RequestContext): Promise<ProductVariant> {
    const v = await this.catalogue.loadVariant(ctx, l.variantId);
    if (!v) throw notFound('Variant');
    return toVariant(v);
  }
}

/** An order's returns, for whoever may read the order. */
@Resolver(() => Order)
export class OrderReturnsResolver {
  constructor(private readonly queries: ReturnQueries) {}

  @ResolveField(() => [Return], { description: 'Its returns, oldest first.' })
  returns(@Parent() o: Order, @Ctx() ctx: RequestContext): Promise<Return[]> {
    return this.queries.forOrder(ctx, o.id);
  }
}
