import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type SalesChannel } from '@app/auth';
import { type PricedCart } from '@app/cart';
import { entityColumns, FulfillmentType, TransactionHost } from '@app/common';
import { PickupPromiseService } from '@app/inventory';
import { LocationsService } from '@app/locations';
import { OrderEntity } from '../entities/order.entity.js';
import { FulfillmentStatus, OrderStatus } from '../order-enums.js';
import type { PlannedFulfillment } from '../sourcing/sourcing.service.js';
import { PickupCodes } from './pickup-code.js';

export interface NewOrder {
  idempotencyKey: string;
  idempotencyScope: string;
  cartId: string | null;
  customerId: string | null;
  channel: SalesChannel;
  priced: PricedCart;
  contact: { email: string; phone: string | null; name: string | null };
  address: { line1: string; city: string; postalCode: string; country: string } | null;
  attributedLocationId: string | null;
  placedByStaffId: string | null;
}

/** A line of a fulfilment being written: what is sold, at what price, in which place of the order. */
export interface NewOrderLine {
  position: number;
  variantId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
}

/** Writes an order with its fulfilments (each pickup with a fresh code), lines and discounts. */
@Injectable()
export class OrderWriter {
  constructor(
    private readonly tx: TransactionHost,
    private readonly codes: PickupCodes,
    private readonly promises: PickupPromiseService,
    private readonly locations: LocationsService,
  ) {}

  async write(
    o: NewOrder,
    plan: PlannedFulfillment[],
  ): Promise<{ order: OrderEntity; pickupCodes: Map<string, string>; fulfillments: { id: string; pickupLocationId: string | null }[] }> {
    const em = this.tx.manager;
    // One round trip: the row as inserted, with the number and times the database gave it.
    const [order]: OrderEntity[] = await em.query(
      `INSERT INTO customer_order (idempotency_key, cart_id, customer_id, channel, status, currency, subtotal, discount, total,
         contact_email, contact_phone, contact_name, ship_line1, ship_city, ship_postal_code, ship_country, attributed_location_id,
         placed_by_staff_id, idempotency_scope)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       RETURNING ${entityColumns(em, OrderEntity)}`,
      [
        o.idempotencyKey,
        o.cartId,
        o.customerId,
        o.channel,
        OrderStatus.PLACED,
        o.priced.currency,
        o.priced.subtotal,
        o.priced.discount,
        o.priced.total,
        o.contact.email,
        o.contact.phone,
        o.contact.name,
        o.address?.line1 ?? null,
        o.address?.city ?? null,
        o.address?.postalCode ?? null,
        o.address?.country ?? null,
        o.attributedLocationId,
        o.placedByStaffId,
        o.idempotencyScope,
      ],
    );
    const pickupCodes = new Map<string, string>();
    const fulfillments: { id: string; pickupLocationId: string | null }[] = [];
    for (const f of plan) {
      const lines = f.lineIndexes.map((i) => ({
        position: i,
        variantId: o.priced.lines[i].line.variantId,
        sku: o.priced.lines[i].variant.sku,
        quantity: o.priced.lines[i].line.quantity,
        unitPrice: o.priced.lines[i].unitPrice,
      }));
      const added = await this.addFulfillment(order.id, f, lines);
      if (added.code) pickupCodes.set(added.id, added.code);
      fulfillments.push({ id: added.id, pickupLocationId: f.pickupLocationId });
    }
    for (const d of o.priced.discounts.filter((d) => !d.refusal)) {
      await em.query(`INSERT INTO order_discount (order_id, promotion_id, code, amount) VALUES ($1, $2, $3, $4)`, [
        order.id,
        d.promotion.id,
        d.promotion.code,
        d.amount,
      ]);
    }
    return { order, pickupCodes, fulfillments };
  }

  /**
   * The promise storesNear made for this pickup (PickupPromiseService.readyBy): from the store's own shelf,
   * or sent from its source; null for a delivery.
   */
  private async readyBy(f: { type: FulfillmentType; sourceLocationId: string; pickupLocationId: string | null }): Promise<Date | null> {
    if (!f.pickupLocationId) return null;
    const store = await this.locations.find(f.pickupLocationId);
    if (!store) return null;
    if (f.type === FulfillmentType.PICKUP) return this.promises.readyBy(store, 1, null);
    const source = await this.locations.find(f.sourceLocationId);
    return source ? this.promises.readyBy(store, 0, source) : null;
  }

  /**
   * One fulfilment of an order with its lines, in one statement (the lines' foreign key is checked at its
   * end): at checkout, and when a shortage sends units from elsewhere (or records what nothing could send,
   * `status` CANCELLED). A pickup gets its code here, sealed for the message that will show it.
   */
  async addFulfillment(
    orderId: string,
    f: { type: FulfillmentType; sourceLocationId: string; pickupLocationId: string | null },
    lines: NewOrderLine[],
    status: FulfillmentStatus = FulfillmentStatus.ALLOCATED,
  ): Promise<{ id: string; code: string | null }> {
    // The id is made here because the code's hash is bound to it.
    const fid = randomUUID();
    const code = f.type === FulfillmentType.DELIVERY ? null : this.codes.generate(); // every pickup has one (CHK_fulfillment_code)
    await this.tx.manager.query(
      `WITH f AS (
         INSERT INTO fulfillment (id, order_id, type, source_location_id, pickup_location_id, pickup_code_hash, pickup_code_sealed, status, closed_at, ready_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $13::varchar, CASE WHEN $13::varchar = 'ALLOCATED' THEN NULL ELSE now() END, $14) RETURNING id, order_id)
       INSERT INTO order_line (order_id, fulfillment_id, position, variant_id, sku, quantity, unit_price)
       SELECT f.order_id, f.id, l.position, l.variant_id, l.sku, l.quantity, l.unit_price
       FROM f, unnest($8::int[], $9::uuid[], $10::varchar[], $11::int[], $12::int[])
         AS l(position, variant_id, sku, quantity, unit_price)`,
      [
        fid,
        orderId,
        f.type,
        f.sourceLocationId,
        f.pickupLocationId,
        code && this.codes.hash(fid, code),
        code && this.codes.seal(code),
        lines.map((l) => l.position),
        lines.map((l) => l.variantId),
        lines.map((l) => l.sku),
        lines.map((l) => l.quantity),
        lines.map((l) => l.unitPrice),
        status,
        status === FulfillmentStatus.ALLOCATED ? await this.readyBy(f) : null,
      ],
    );
    return { id: fid, code };
  }

  /** The plain pickup codes of an order's fulfilments, for its own customer. */
  async openCodes(orderId: string): Promise<Map<string, string>> {
    const rows: { id: string; sealed: string | null }[] = await this.tx.manager.query(
      `SELECT id, pickup_code_sealed AS sealed FROM fulfillment WHERE order_id = $1`,
      [orderId],
    );
    return new Map(
      rows.flatMap((r) => {
        const code = this.codes.open(r.sealed);
        return code ? [[r.id, code] as [string, string]] : [];
      }),
    );
  }
}
