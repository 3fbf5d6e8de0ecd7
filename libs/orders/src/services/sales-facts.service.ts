import { Injectable } from '@nestjs/common';
import type { SalesChannel } from '@app/auth';
import { TransactionHost } from '@app/common';
import { paymentSql } from '@app/payments';

/** Which orders a figure covers: created in [from, to) and, with a store, sold, sent or collected there. */
export interface SalesScope {
  from: Date;
  to: Date;
  locationId: string | null;
}

/** The click-and-collect figures as PostgreSQL returns them (the medians are null without a row to rank). */
export interface ClickAndCollectRow {
  pickupOrders: number;
  pickupFulfillments: number;
  collected: number;
  expired: number;
  medianOrderToReadySeconds: number | null;
  medianReadyToCollectedSeconds: number | null;
}

/** An order counts for a store when it was sold there, ships from there or is collected there. */
const IN_STORE = `($3::uuid IS NULL OR o.attributed_location_id = $3
  OR EXISTS (SELECT 1 FROM fulfillment sf WHERE sf.order_id = o.id AND (sf.pickup_location_id = $3 OR sf.source_location_id = $3)))`;
/** Orders placed in the window, for the store in scope. */
const IN_SCOPE = `o.created_at >= $1 AND o.created_at < $2 AND ${IN_STORE}`;

/**
 * Sales figures over the order tables, for reports (analytics): the orders domain owns those tables, so it
 * writes the SQL and answers rows; what a report makes of them is the analytics'. Computed in SQL over
 * `customer_order.created_at` (indexed), and the money of the orders by when it moved (the payments domain's
 * `paymentSql`, spliced in); sums come back as PostgreSQL's numeric strings (`exactAmount`).
 */
@Injectable()
export class SalesFacts {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * One row per channel and currency with orders placed in scope or money moved in the window: the orders'
   * figures (placed in [from, to)) and the money of the store's orders, whenever placed, captured (card
   * captures and counter payments) and refunded in [from, to), by the channel of its order (the payments
   * domain writes that part: `paymentSql`). Money of any order counts, cancelled ones included: it was taken.
   */
  byChannel(s: SalesScope) {
    return this.tx.manager.query<
      {
        channel: SalesChannel;
        currency: string;
        orders: number;
        cancelled: number;
        revenue: string;
        units: number;
        captured: string;
        refunded: string;
      }[]
    >(
      `WITH sales AS (
         SELECT o.channel, o.currency, count(*)::int AS orders, (count(*) FILTER (WHERE o.status = 'CANCELLED'))::int AS cancelled,
                COALESCE(SUM(o.total) FILTER (WHERE o.status <> 'CANCELLED'), 0) AS revenue,
                COALESCE(SUM(u.units) FILTER (WHERE o.status <> 'CANCELLED'), 0)::int AS units
         FROM customer_order o CROSS JOIN LATERAL (SELECT SUM(quantity) AS units FROM order_line WHERE order_id = o.id) u
         WHERE ${IN_SCOPE} GROUP BY o.channel, o.currency
       ), money AS (
         SELECT o.channel, m.currency, SUM(m.captured) AS captured, SUM(m.refunded) AS refunded
         FROM (${paymentSql.movedPerOrder('$1', '$2')}) m JOIN customer_order o ON o.id = m.order_id
         WHERE ${IN_STORE} GROUP BY o.channel, m.currency
       )
       SELECT COALESCE(s.channel, m.channel) AS channel, COALESCE(s.currency, m.currency) AS currency,
              COALESCE(s.orders, 0) AS orders, COALESCE(s.cancelled, 0) AS cancelled, COALESCE(s.revenue, 0) AS revenue,
              COALESCE(s.units, 0) AS units, COALESCE(m.captured, 0) AS captured, COALESCE(m.refunded, 0) AS refunded
       FROM sales s FULL JOIN money m ON m.channel = s.channel AND m.currency = s.currency
       ORDER BY 2`,
      [s.from, s.to, s.locationId],
    );
  }

  /** Pickup and ship-to-store fulfilments of orders in the window (collected at the store, with one). */
  async clickAndCollect(s: SalesScope): Promise<ClickAndCollectRow> {
    const [r] = await this.tx.manager.query<ClickAndCollectRow[]>(
      `SELECT count(DISTINCT o.id)::int AS "pickupOrders", count(*)::int AS "pickupFulfillments",
              (count(*) FILTER (WHERE f.status = 'COLLECTED'))::int AS collected,
              (count(*) FILTER (WHERE f.status = 'EXPIRED'))::int AS expired,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.ready_at - o.created_at)) AS "medianOrderToReadySeconds",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.closed_at - f.ready_at))
                FILTER (WHERE f.status = 'COLLECTED') AS "medianReadyToCollectedSeconds"
       FROM fulfillment f JOIN customer_order o ON o.id = f.order_id
       WHERE f.type IN ('PICKUP', 'SHIP_TO_STORE') AND o.created_at >= $1 AND o.created_at < $2
         AND ($3::uuid IS NULL OR f.pickup_location_id = $3)`,
      [s.from, s.to, s.locationId],
    );
    return r;
  }

  /** Staff-placed (endless aisle) orders not cancelled, one row per store and currency, largest revenue first. */
  endlessAisle(s: SalesScope) {
    return this.tx.manager.query<{ locationId: string; currency: string; orders: number; revenue: string }[]>(
      `SELECT o.attributed_location_id AS "locationId", o.currency, count(*)::int AS orders, SUM(o.total) AS revenue
       FROM customer_order o
       WHERE o.placed_by_staff_id IS NOT NULL AND o.status <> 'CANCELLED' AND o.attributed_location_id IS NOT NULL
         AND o.created_at >= $1 AND o.created_at < $2 AND ($3::uuid IS NULL OR o.attributed_location_id = $3)
       GROUP BY o.attributed_location_id, o.currency ORDER BY SUM(o.total) DESC, 1, 2`,
      [s.from, s.to, s.locationId],
    );
  }

  /** One row per day (cut in time zone `tz`), channel and currency. */
  daily(s: SalesScope, tz: string) {
    return this.tx.manager.query<{ day: string; channel: SalesChannel; currency: string; orders: number; revenue: string }[]>(
      `SELECT to_char((o.created_at AT TIME ZONE $4)::date, 'YYYY-MM-DD') AS day, o.channel, o.currency, count(*)::int AS orders,
              COALESCE(SUM(o.total) FILTER (WHERE o.status <> 'CANCELLED'), 0) AS revenue
       FROM customer_order o WHERE ${IN_SCOPE} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [s.from, s.to, s.locationId, tz],
    );
  }
}
