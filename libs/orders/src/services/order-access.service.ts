import { Injectable } from '@nestjs/common';
import { canActAt, type RequestContext, StaffRole } from '@app/auth';
import { forbidden, TransactionHost, unauthenticated } from '@app/common';
import type { OrderEntity } from '../entities/order.entity.js';

/**
 * Who may see or act on an order: its customer; staff of a location it involves (where it was sold, ships
 * from or is collected) and admins; and, for a guest order, whoever holds its unguessable id.
 */
@Injectable()
export class OrderAccess {
  constructor(private readonly tx: TransactionHost) {}

  /** The locations an order involves. */
  async locationsOf(orderId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.manager.query(
      `SELECT DISTINCT x.id FROM (
         SELECT source_location_id AS id FROM fulfillment WHERE order_id = $1
         UNION SELECT pickup_location_id FROM fulfillment WHERE order_id = $1
         UNION SELECT attributed_location_id FROM customer_order WHERE id = $1) x WHERE x.id IS NOT NULL`,
      [orderId],
    );
    return rows.map((r) => r.id);
  }

  assertMayRead(ctx: RequestContext, order: OrderEntity, locations: string[]): void {
    const c = ctx.caller;
    if (c.kind === 'staff') {
      if (c.role === StaffRole.ADMIN || locations.some((l) => canActAt(c, l))) return;
      throw forbidden('This order does not involve your location');
    }
    if (order.customerId === null) return;
    if (c.kind === 'guest') throw unauthenticated('Sign in to see this order');
    if (c.customerId !== order.customerId) throw forbidden('This order belongs to another customer');
  }

  /** Cancelling: the customer themselves, or staff of an involved location. A guest order is cancelled by staff. */
  assertMayCancel(ctx: RequestContext, order: OrderEntity, locations: string[]): void {
    if (ctx.caller.kind === 'guest') throw unauthenticated('Sign in to cancel an order');
    this.assertMayRead(ctx, order, locations);
    if (ctx.caller.kind === 'customer' && order.customerId === null) throw forbidden('Ask a store to cancel this order');
  }

  /** Pickup codes are for the customer who ordered, never staff. */
  mayShowPickupCode(ctx: RequestContext, order: OrderEntity): boolean {
    return ctx.caller.kind === 'customer' && ctx.caller.customerId === order.customerId;
  }
}
