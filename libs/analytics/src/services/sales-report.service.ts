import { Injectable } from '@nestjs/common';
import { type Caller, requireStaff, SalesChannel, StaffRole } from '@app/auth';
import { badInput, exactAmount, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { LocationsService } from '@app/locations';

const MAX_DAYS = 366;

/** Revenues are exact sums in minor units (`exactAmount`): they can pass a 32-bit Int, never 2^53 unnoticed. */
export interface ChannelSales {
  channel: SalesChannel;
  currency: string;
  orders: number;
  cancelledOrders: number;
  units: number;
  revenue: number;
  averageOrderValue: number | null;
}
export interface StoreSales {
  locationId: string;
  currency: string;
  orders: number;
  revenue: number;
}
export interface DailySales {
  day: string;
  channel: SalesChannel;
  currency: string;
  orders: number;
  revenue: number;
}

/** Which orders a report covers: a window of instants and, for a manager, their store. */
interface Scope {
  from: Date;
  to: Date;
  locationId: string | null;
}

/** The click-and-collect figures as PostgreSQL returns them (the medians are null without a row to rank). */
interface ClickAndCollectRow {
  pickupOrders: number;
  pickupFulfillments: number;
  collected: number;
  expired: number;
  medianOrderToReadySeconds: number | null;
  medianReadyToCollectedSeconds: number | null;
}

/** An order counts for a store when it was sold there, ships from there or is collected there. */
const IN_SCOPE = `o.created_at >= $1 AND o.created_at < $2 AND ($3::uuid IS NULL OR o.attributed_location_id = $3
  OR EXISTS (SELECT 1 FROM fulfillment sf WHERE sf.order_id = o.id AND (sf.pickup_location_id = $3 OR sf.source_location_id = $3)))`;

/**
 * Sales figures by channel, click and collect, the endless aisle and by day, computed in SQL over
 * `customer_order.created_at` (indexed). Windows are instants (`from` inclusive, `to` exclusive), so they
 * mean the same in every time zone; days are cut in the time zone asked for. Admins see every store,
 * managers their own.
 */
@Injectable()
export class SalesReportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly locations: LocationsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * One row per channel and currency (amounts in two currencies never add up); a channel without orders
   * still has one row, in DEFAULT_CURRENCY with zeros, since clients look rows up by channel.
   */
  async byChannel(caller: Caller, from: Date, to: Date): Promise<ChannelSales[]> {
    const s = this.scope(caller, from, to);
    const rows: { channel: SalesChannel; currency: string; orders: number; cancelled: number; revenue: string; units: number }[] =
      await this.tx.manager.query(
        `SELECT o.channel, o.currency, count(*)::int AS orders, (count(*) FILTER (WHERE o.status = 'CANCELLED'))::int AS cancelled,
              COALESCE(SUM(o.total) FILTER (WHERE o.status <> 'CANCELLED'), 0) AS revenue,
              COALESCE(SUM(u.units) FILTER (WHERE o.status <> 'CANCELLED'), 0)::int AS units
       FROM customer_order o CROSS JOIN LATERAL (SELECT SUM(quantity) AS units FROM order_line WHERE order_id = o.id) u
       WHERE ${IN_SCOPE} GROUP BY o.channel, o.currency ORDER BY o.currency`,
        [s.from, s.to, s.locationId],
      );
    const none = { currency: this.config.get('DEFAULT_CURRENCY'), orders: 0, cancelled: 0, revenue: '0', units: 0 };
    return Object.values(SalesChannel).flatMap((channel) => {
      const mine = rows.filter((x) => x.channel === channel);
      return (mine.length ? mine : [{ ...none, channel }]).map((r) => {
        const kept = r.orders - r.cancelled;
        const revenue = exactAmount(r.revenue);
        // At most the largest order (an integer column), so it fits Money.
        const averageOrderValue = kept ? Math.round(revenue / kept) : null;
        return {
          channel,
          currency: r.currency,
          orders: r.orders,
          cancelledOrders: r.cancelled,
          units: r.units,
          revenue,
          averageOrderValue,
        };
      });
    });
  }

  async clickAndCollect(caller: Caller, from: Date, to: Date) {
    const s = this.scope(caller, from, to);
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
    const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : null);
    const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
    return {
      ...r,
      collectedShare: ratio(r.collected, r.pickupFulfillments),
      expiredRate: ratio(r.expired, r.collected + r.expired),
      medianOrderToReadySeconds: num(r.medianOrderToReadySeconds),
      medianReadyToCollectedSeconds: num(r.medianReadyToCollectedSeconds),
    };
  }

  /** One row per store and currency, largest revenue first. */
  async endlessAisle(caller: Caller, from: Date, to: Date): Promise<StoreSales[]> {
    const s = this.scope(caller, from, to);
    const rows: { locationId: string; currency: string; orders: number; revenue: string }[] = await this.tx.manager.query(
      `SELECT o.attributed_location_id AS "locationId", o.currency, count(*)::int AS orders, SUM(o.total) AS revenue
       FROM customer_order o
       WHERE o.placed_by_staff_id IS NOT NULL AND o.status <> 'CANCELLED' AND o.attributed_location_id IS NOT NULL
         AND o.created_at >= $1 AND o.created_at < $2 AND ($3::uuid IS NULL OR o.attributed_location_id = $3)
       GROUP BY o.attributed_location_id, o.currency ORDER BY SUM(o.total) DESC, 1, 2`,
      [s.from, s.to, s.locationId],
    );
    return rows.map((r) => ({ ...r, revenue: exactAmount(r.revenue) }));
  }

  /** One row per day, channel and currency. */
  async daily(caller: Caller, from: Date, to: Date, timeZone: string | undefined): Promise<DailySales[]> {
    const s = this.scope(caller, from, to);
    const tz = timeZone ?? (s.locationId ? (await this.locations.find(s.locationId))?.timeZone : undefined) ?? 'UTC';
    if (!isTimeZone(tz)) throw badInput(`Unknown time zone ${tz}`, ['timeZone']);
    const rows: { day: string; channel: SalesChannel; currency: string; orders: number; revenue: string }[] = await this.tx.manager.query(
      `SELECT to_char((o.created_at AT TIME ZONE $4)::date, 'YYYY-MM-DD') AS day, o.channel, o.currency, count(*)::int AS orders,
              COALESCE(SUM(o.total) FILTER (WHERE o.status <> 'CANCELLED'), 0) AS revenue
       FROM customer_order o WHERE ${IN_SCOPE} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [s.from, s.to, s.locationId, tz],
    );
    return rows.map((r) => ({ ...r, revenue: exactAmount(r.revenue) }));
  }

  private scope(caller: Caller, from: Date, to: Date): Scope {
    const staff = requireStaff(caller, [StaffRole.MANAGER, StaffRole.ADMIN]);
    if (!(from < to)) throw badInput('from must be before to', ['to']);
    if (to.getTime() - from.getTime() > MAX_DAYS * 86400e3) throw badInput(`A report covers at most ${MAX_DAYS} days`, ['to']);
    return { from, to, locationId: staff.role === StaffRole.ADMIN ? null : staff.locationId };
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
