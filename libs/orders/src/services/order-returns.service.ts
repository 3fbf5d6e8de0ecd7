import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type RequestContext, SalesChannel, type StaffCaller } from '@app/auth';
import { type CartEntity, type CartLineEntity, CartStatus, type CartView } from '@app/cart';
import { FulfillmentType, isUuid, TransactionHost } from '@app/common';
import { FulfillmentStatus as S } from '../order-enums.js';
import { lineAmounts } from '../payments/fulfillment-amounts.js';
import { FulfillmentAction as A } from './fulfillment-state-machine.js';
import { FulfillmentMoves } from './fulfillment-moves.service.js';
import { FulfillmentTransitions } from './fulfillment-transitions.service.js';
import { OrderPlacement } from './order-placement.service.js';

/** An order line as a return sees it: what was handed over, when, and what its units were worth. */
export interface ReturnableLine {
  orderLineId: string;
  variantId: string;
  sku: string;
  position: number;
  quantity: number;
  unitPrice: number;
  /** Units the customer has (collected, or shipped to them). */
  handedOver: number;
  handedOverAt: Date | null;
  /** The line's price less its share of the order's discount, as its captures counted it. */
  amount: number;
}

export interface ReturnableOrder {
  id: string;
  number: string;
  channel: SalesChannel;
  customerId: string | null;
  currency: string;
  total: number;
  contactEmail: string;
  contactPhone: string | null;
  lines: ReturnableLine[];
}

/**
 * What the returns lib needs of orders (it owns the order tables): an order as a return sees it, locked so
 * that two returns of the same order take turns, and the exchange order of a swap at the counter.
 */
@Injectable()
export class OrderReturns {
  constructor(
    private readonly tx: TransactionHost,
    private readonly placement: OrderPlacement,
    private readonly transitions: FulfillmentTransitions,
    private readonly moves: FulfillmentMoves,
  ) {}

  /** The order and its lines, the order row locked for the caller's transaction; null when there is none. */
  async lockForReturn(orderId: string): Promise<ReturnableOrder | null> {
    if (!isUuid(orderId)) return null;
    const [o] = await this.tx.manager.query<(Omit<ReturnableOrder, 'lines'> & { discount: number })[]>(
      `SELECT id, number, channel, customer_id AS "customerId", currency, total, discount, contact_email AS "contactEmail",
              contact_phone AS "contactPhone"
       FROM customer_order WHERE id = $1 FOR UPDATE`,
      [orderId],
    );
    if (!o) return null;
    const rows = await this.tx.manager.query<
      (Omit<ReturnableLine, 'amount' | 'handedOver' | 'handedOverAt'> & {
        fulfillmentId: string;
        collected: number | null;
        type: FulfillmentType;
        status: S;
        closedAt: Date | null;
        shippedAt: Date | null;
      })[]
    >(
      `SELECT ol.id AS "orderLineId", ol.variant_id AS "variantId", ol.sku, ol.position, ol.quantity, ol.unit_price AS "unitPrice",
              ol.collected, ol.fulfillment_id AS "fulfillmentId", f.type, f.status, f.closed_at AS "closedAt", f.shipped_at AS "shippedAt"
       FROM order_line ol JOIN fulfillment f ON f.id = ol.fulfillment_id WHERE ol.order_id = $1 ORDER BY ol.position, ol.id`,
      [orderId],
    );
    const net = lineAmounts(rows, o.discount);
    const { discount: _, ...order } = o;
    return {
      ...order,
      lines: rows.map((r, i) => {
        const shipped = r.type === FulfillmentType.DELIVERY && (r.status === S.SHIPPED || r.status === S.DELIVERED);
        const collected = r.status === S.COLLECTED;
        return {
          orderLineId: r.orderLineId,
          variantId: r.variantId,
          sku: r.sku,
          position: r.position,
          quantity: r.quantity,
          unitPrice: r.unitPrice,
          handedOver: collected ? (r.collected ?? r.quantity) : shipped ? r.quantity : 0,
          handedOverAt: collected ? r.closedAt : shipped ? r.shippedAt : null,
          amount: net[i],
        };
      }),
    };
  }

  /**
   * In the caller's transaction: an order on the STORE channel for the store, at no charge, of the sizes a
   * customer swaps at the counter. What the store's shelf has is handed over at once (held, prepared and
   * collected in this transaction); what it lacks is sent to the store like any order (ship-to-store). A size
   * nobody can supply refuses it (OUT_OF_STOCK), and with it the whole exchange.
   */
  async placeExchange(
    ctx: RequestContext,
    staff: StaffCaller,
    r: { order: ReturnableOrder; locationId: string; lines: { variantId: string; quantity: number }[]; key: string },
  ): Promise<string> {
    const now = new Date();
    const cart = {
      id: randomUUID(),
      customerId: r.order.customerId,
      status: CartStatus.ACTIVE,
      createdVia: SalesChannel.STORE,
      mergedInto: null,
      createdAt: now,
      updatedAt: now,
    } as CartEntity;
    const lines = r.lines.map((l, i): CartLineEntity => ({
      id: randomUUID(),
      seq: String(i),
      cartId: cart.id,
      variantId: l.variantId,
      quantity: l.quantity,
      fulfillmentType: FulfillmentType.PICKUP,
      locationId: r.locationId,
      addedVia: SalesChannel.STORE,
      addedByStaffId: staff.staffId,
      createdAt: now,
      updatedAt: now,
    }));
    const view: CartView = { cart, lines, codes: [] };
    const placed = await this.placement.place(
      { ...ctx, channel: SalesChannel.STORE },
      view,
      {
        idempotencyKey: r.key,
        cartId: null,
        contact: { email: r.order.contactEmail, phone: r.order.contactPhone, name: null },
        address: null,
        attributedLocationId: r.locationId,
        placedByStaffId: staff.staffId,
        free: true,
      },
      true,
    );
    const onShelf = await this.tx.manager.query<{ id: string }[]>(
      `SELECT id FROM fulfillment WHERE order_id = $1 AND type = 'PICKUP' AND source_location_id = $2`,
      [placed.order.id, r.locationId],
    );
    for (const { id } of onShelf) {
      for (const action of [A.MARK_READY, A.COLLECT]) {
        const { order, f } = await this.transitions.lock(id);
        await this.moves.apply(order, f, action, staff.staffId, false);
      }
    }
    return placed.order.id;
  }
}
