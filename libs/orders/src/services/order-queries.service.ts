import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { type RequestContext, requireActsAt, requireStaff, type SalesChannel } from '@app/auth';
import { badInput, byKeys, groupByKeys, type HasLoaders, isUuid, loader, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import { OrderLineEntity } from '../entities/order-line.entity.js';
import { OrderEntity } from '../entities/order.entity.js';
import { OrderAccess } from './order-access.service.js';
import { PickupCodes } from './pickup-code.js';

const QUEUE_LIMIT = 200;

/** Reading orders: one by id (with access), a customer's, a store's pickup queue; batched loaders for fields. */
@Injectable()
export class OrderQueries {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: OrderAccess,
    private readonly codes: PickupCodes,
    private readonly config: AppConfig,
  ) {}

  private get orders() {
    return this.tx.manager.getRepository(OrderEntity);
  }

  async get(ctx: RequestContext, id: string): Promise<OrderEntity | null> {
    const order = isUuid(id) ? await this.orders.findOneBy({ id }) : null;
    if (order) this.access.assertMayRead(ctx, order, await this.access.locationsOf(order.id));
    return order;
  }

  /**
   * An order by the number on its receipt (spaces around it ignored), for staff: the same access as `get`
   * (staff of a location it involves, or admins; FORBIDDEN for others). Null when no order has it.
   */
  async byNumber(ctx: RequestContext, number: string): Promise<OrderEntity | null> {
    requireStaff(ctx.caller);
    const n = number.trim();
    if (!n || n.length > 100) throw badInput('number: an order number, as on the receipt', ['number']);
    const order = await this.orders.findOneBy({ number: n });
    if (order) this.access.assertMayRead(ctx, order, await this.access.locationsOf(order.id));
    return order;
  }

  /** A customer's newest orders from every channel, newest first (OrderListing.forCustomer pages through all). */
  forCustomer(customerId: string, limit = 50): Promise<OrderEntity[]> {
    return this.orders.find({ where: { customerId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** A customer's figures over orders not cancelled, in SQL over the (customer_id, created_at) index. */
  async statsOf(
    customerId: string,
  ): Promise<{ orders: number; totalSpent: number; currency: string; lastPurchaseAt: Date | null; preferredChannel: SalesChannel | null }> {
    // bigint comes back from pg as a string.
    const [row] = await this.tx.manager.query<
      { orders: number; totalSpent: string; currency: string; lastPurchaseAt: Date | null; preferredChannel: SalesChannel | null }[]
    >(
      `SELECT count(*)::int AS orders, COALESCE(SUM(total), 0)::bigint AS "totalSpent", COALESCE(MAX(currency), $2) AS currency,
              MAX(created_at) AS "lastPurchaseAt",
              (SELECT channel FROM customer_order WHERE customer_id = $1 AND status <> 'CANCELLED'
               GROUP BY channel ORDER BY count(*) DESC, MAX(created_at) DESC LIMIT 1) AS "preferredChannel"
       FROM customer_order WHERE customer_id = $1 AND status <> 'CANCELLED'`,
      [customerId, this.config.get('DEFAULT_CURRENCY')],
    );
    return { ...row, totalSpent: Number(row.totalSpent) };
  }

  /** The pickups a store has to act on: to prepare, arriving, and waiting for their customer; soonest promised first. */
  pickupQueue(ctx: RequestContext, locationId: string): Promise<FulfillmentEntity[]> {
    requireActsAt(ctx.caller, locationId);
    return (
      this.tx.manager
        .getRepository(FulfillmentEntity)
        .createQueryBuilder('f')
        .where('f.pickupLocationId = :locationId', { locationId })
        .andWhere(`f.status IN ('ALLOCATED', 'IN_TRANSIT', 'READY_FOR_PICKUP')`)
        // Soonest promised first (pickups written before promises existed last), then oldest.
        .orderBy('f.readyBy', 'ASC', 'NULLS LAST')
        .addOrderBy('f.createdAt', 'ASC')
        .limit(QUEUE_LIMIT)
        .getMany()
    );
  }

  loadOrder(ctx: HasLoaders, id: string): Promise<OrderEntity | null> {
    return loader<string, OrderEntity>(ctx, 'order', async (ids) =>
      byKeys(ids, await this.orders.findBy({ id: In([...ids]) }), (o) => o.id),
    ).load(id);
  }

  fulfillmentsOf(ctx: HasLoaders, orderId: string): Promise<FulfillmentEntity[]> {
    return loader<string, FulfillmentEntity[]>(ctx, 'fulfillmentsByOrder', async (ids) =>
      groupByKeys(
        ids,
        await this.tx.manager
          .getRepository(FulfillmentEntity)
          .find({ where: { orderId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
        (f) => f.orderId,
      ),
    ).load(orderId) as Promise<FulfillmentEntity[]>;
  }

  linesOfOrder(ctx: HasLoaders, orderId: string): Promise<OrderLineEntity[]> {
    return loader<string, OrderLineEntity[]>(ctx, 'linesByOrder', async (ids) =>
      groupByKeys(
        ids,
        await this.tx.manager.getRepository(OrderLineEntity).find({ where: { orderId: In([...ids]) }, order: { position: 'ASC' } }),
        (l) => l.orderId,
      ),
    ).load(orderId) as Promise<OrderLineEntity[]>;
  }

  linesOfFulfillment(ctx: HasLoaders, fulfillmentId: string): Promise<OrderLineEntity[]> {
    return loader<string, OrderLineEntity[]>(ctx, 'linesByFulfillment', async (ids) =>
      groupByKeys(
        ids,
        await this.tx.manager.getRepository(OrderLineEntity).find({ where: { fulfillmentId: In([...ids]) }, order: { position: 'ASC' } }),
        (l) => l.fulfillmentId,
      ),
    ).load(fulfillmentId) as Promise<OrderLineEntity[]>;
  }

  /** The plain pickup code, for the customer who placed the order only. */
  async pickupCodeFor(ctx: RequestContext, f: { id: string; orderId: string }): Promise<string | null> {
    const order = await this.loadOrder(ctx, f.orderId);
    if (!order || !this.access.mayShowPickupCode(ctx, order)) return null;
    const [row] = await this.tx.manager.query<{ sealed: string | null }[]>(
      `SELECT pickup_code_sealed AS sealed FROM fulfillment WHERE id = $1`,
      [f.id],
    );
    return this.codes.open(row?.sealed ?? null);
  }
}
