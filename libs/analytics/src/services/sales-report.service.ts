import { Injectable } from '@nestjs/common';
import { type Caller, requireStaff, SalesChannel, StaffRole } from '@app/auth';
import { badInput, exactAmount } from '@app/common';
import { AppConfig } from '@app/config';
import { LocationsService } from '@app/locations';
import { SalesFacts, type SalesScope } from '@app/orders';
import { ReturnFacts } from '@app/returns';

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
  /** Money taken in the window (card captures and counter payments) on this channel's orders, whenever placed. */
  captured: number;
  /** Money refunded in the window on this channel's orders, whenever placed. */
  refunded: number;
  /** Returns received in the window of this channel's sales (whenever sold), and their units. */
  returns: number;
  returnedUnits: number;
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

/**
 * Sales figures by channel, click and collect, the endless aisle and by day, from the orders domain's rows
 * (SalesFacts: it owns the order tables and writes their SQL). Windows are instants (`from` inclusive, `to`
 * exclusive), so they mean the same in every time zone; days are cut in the time zone asked for. Admins see
 * every store, managers their own.
 */
@Injectable()
export class SalesReportService {
  constructor(
    private readonly facts: SalesFacts,
    private readonly locations: LocationsService,
    private readonly config: AppConfig,
    private readonly returnFacts: ReturnFacts,
  ) {}

  /** Returns received in the window by the store that took them back (a manager: their store), most first. */
  async returnsByStore(caller: Caller, from: Date, to: Date) {
    const rows = await this.returnFacts.byStore(this.scope(caller, from, to));
    return rows.map((r) => ({ ...r, refunded: exactAmount(r.refunded) }));
  }

  /**
   * One row per channel and currency (amounts in two currencies never add up); a channel without orders
   * still has one row, in DEFAULT_CURRENCY with zeros, since clients look rows up by channel. Orders,
   * revenue, units and the average are of the orders placed in the window; captured and refunded are the
   * money that moved in the window on the channel's orders, whenever placed (a row can have money and no
   * orders).
   */
  async byChannel(caller: Caller, from: Date, to: Date): Promise<ChannelSales[]> {
    const s = this.scope(caller, from, to);
    const [rows, returns] = await Promise.all([this.facts.byChannel(s), this.returnFacts.byChannel(s)]);
    const none = {
      currency: this.config.get('DEFAULT_CURRENCY'),
      orders: 0,
      cancelled: 0,
      revenue: '0',
      units: 0,
      captured: '0',
      refunded: '0',
    };
    return Object.values(SalesChannel).flatMap((channel) => {
      const mine = rows.filter((x) => x.channel === channel);
      return (mine.length ? mine : [{ ...none, channel }]).map((r) => {
        const kept = r.orders - r.cancelled;
        const revenue = exactAmount(r.revenue);
        // At most the largest order (an integer column), so it fits Money.
        const averageOrderValue = kept ? Math.round(revenue / kept) : null;
        const returned = returns.find((x) => x.channel === String(channel) && x.currency === r.currency);
        return {
          channel,
          currency: r.currency,
          orders: r.orders,
          cancelledOrders: r.cancelled,
          units: r.units,
          revenue,
          averageOrderValue,
          captured: exactAmount(r.captured),
          refunded: exactAmount(r.refunded),
          returns: returned?.returns ?? 0,
          returnedUnits: returned?.units ?? 0,
        };
      });
    });
  }

  async clickAndCollect(caller: Caller, from: Date, to: Date) {
    const s = this.scope(caller, from, to);
    const r = await this.facts.clickAndCollect(s);
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
    const rows = await this.facts.endlessAisle(s);
    return rows.map((r) => ({ ...r, revenue: exactAmount(r.revenue) }));
  }

  /** One row per day, channel and currency. */
  async daily(caller: Caller, from: Date, to: Date, timeZone: string | undefined): Promise<DailySales[]> {
    const s = this.scope(caller, from, to);
    const tz = timeZone ?? (s.locationId ? (await this.locations.find(s.locationId))?.timeZone : undefined) ?? 'UTC';
    if (!isTimeZone(tz)) throw badInput(`Unknown time zone ${tz}`, ['timeZone']);
    const rows = await this.facts.daily(s, tz);
    return rows.map((r) => ({ ...r, revenue: exactAmount(r.revenue) }));
  }

  private scope(caller: Caller, from: Date, to: Date): SalesScope {
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
