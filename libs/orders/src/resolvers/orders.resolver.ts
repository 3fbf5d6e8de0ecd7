import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { payload } from '@app/common';
import { Location, LocationsService, toLocation } from '@app/locations';
import { Notification, NotificationOutbox } from '@app/notifications';
import { Staff, StaffService } from '@app/staff';
import { Money } from '@app/common';
import { CheckoutInput } from '../dto/checkout.input.js';
import { Fulfillment, Order, OrderLine, OrderPayload } from '../models/order.model.js';
import { CheckoutService } from '../services/checkout.service.js';
import { FulfillmentTransitions } from '../services/fulfillment-transitions.service.js';
import { OrderQueries } from '../services/order-queries.service.js';

@Resolver(() => Order)
export class OrdersResolver {
  constructor(
    private readonly checkoutService: CheckoutService,
    private readonly transitions: FulfillmentTransitions,
    private readonly queries: OrderQueries,
    private readonly locations: LocationsService,
    private readonly staff: StaffService,
    private readonly outbox: NotificationOutbox,
  ) {}

  @Mutation(() => OrderPayload, {
    description: 'Turns a cart into an order, all or nothing (OUT_OF_STOCK holds nothing). Idempotent per idempotencyKey.',
  })
  checkout(@Ctx() ctx: RequestContext, @Args('input') input: CheckoutInput): Promise<OrderPayload> {
    return payload('order', async () => {
      const placed = await this.checkoutService.checkout(ctx, input);
      return Order.from(placed.order, ctx.caller.kind === 'staff' ? null : placed.pickupCodes);
    });
  }

  @Mutation(() => OrderPayload, {
    description: 'Cancels an order whose goods have not left, releasing what was held (INVALID_STATE otherwise).',
  })
  orderCancel(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<OrderPayload> {
    return payload('order', async () => Order.from(await this.transitions.cancelOrder(ctx, id)));
  }

  @Query(() => Order, { nullable: true, description: 'An order, for its customer and the staff of the locations it involves.' })
  async order(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Order | null> {
    const o = await this.queries.get(ctx, id);
    return o && Order.from(o);
  }

  @ResolveField(() => [Fulfillment])
  async fulfillments(@Parent() order: Order, @Ctx() ctx: RequestContext): Promise<Fulfillment[]> {
    return (await this.queries.fulfillmentsOf(ctx, order.id)).map((f) => Fulfillment.from(f, order.pickupCodes?.get(f.id)));
  }

  @ResolveField(() => [OrderLine])
  async lines(@Parent() order: Order, @Ctx() ctx: RequestContext): Promise<OrderLine[]> {
    return (await this.queries.linesOfOrder(ctx, order.id)).map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: Money.of(l.unitPrice, order.entity.currency),
      variantId: l.variantId,
    }));
  }

  @ResolveField(() => [Notification], { description: 'Messages about this order: recorded with each change, then sent.' })
  async notifications(@Parent() order: Order, @Ctx() ctx: RequestContext): Promise<Notification[]> {
    return (await this.outbox.forOrder(ctx, order.id)).map((n) => Notification.from(n));
  }

  @ResolveField(() => Location, { nullable: true, description: 'The store the sale counts for (assisted orders, placed at that store).' })
  async attributedLocation(@Parent() order: Order, @Ctx() ctx: RequestContext): Promise<Location | null> {
    const id = order.entity.attributedLocationId;
    const l = id ? await this.locations.load(ctx, id) : null;
    return l && toLocation(l);
  }

  @ResolveField(() => Staff, { nullable: true, description: 'The staff member who placed the order, if staff did.' })
  async placedBy(@Parent() order: Order, @Ctx() ctx: RequestContext): Promise<Staff | null> {
    const id = order.entity.placedByStaffId;
    const s = id ? await this.staff.load(ctx, id) : null;
    return s && Staff.from(s);
  }
}
