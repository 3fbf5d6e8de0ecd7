import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Ctx, type RequestContext, requireActsAt, StaffOnly } from '@app/auth';
import { EventBus, notFound, TransactionHost } from '@app/common';
import { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import { OrderEntity } from '../entities/order.entity.js';
import { Fulfillment, Order } from '../models/order.model.js';
import { OrderQueries } from '../services/order-queries.service.js';

const same = <T>(value: T) => value;

/** Live order status for its customer and the staff of its locations, and a store's live pickup queue. */
@Resolver(() => Order)
export class OrderSubscriptionsResolver {
  constructor(
    private readonly events: EventBus,
    private readonly queries: OrderQueries,
    private readonly tx: TransactionHost,
  ) {}

  @Subscription(() => Order, {
    description: 'The order each time it changes (placed, prepared, shipped, collected, expired, cancelled).',
    resolve: same,
  })
  async orderUpdated(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    const order = await this.queries.get(ctx, id); // the same access rules as the order query
    if (!order) throw notFound('Order');
    return this.events.listen('order', order.id, async (): Promise<Order | null> => {
      ctx.loaders.clear(); // one context lives as long as the subscription: each event reads afresh
      const fresh = await this.tx.manager.getRepository(OrderEntity).findOneBy({ id: order.id });
      return fresh && Order.from(fresh);
    });
  }

  @Subscription(() => Fulfillment, {
    description: 'Staff: each pickup of this store that arrives, changes or leaves the queue.',
    resolve: same,
  })
  @StaffOnly()
  async pickupQueueChanged(@Ctx() ctx: RequestContext, @Args('locationId', { type: () => ID }) locationId: string) {
    requireActsAt(ctx.caller, locationId);
    return this.events.listen('pickup-queue', locationId, async (e): Promise<Fulfillment | null> => {
      ctx.loaders.clear();
      const f = await this.tx.manager.getRepository(FulfillmentEntity).findOneBy({ id: e.fulfillmentId });
      return f && Fulfillment.from(f);
    });
  }
}
