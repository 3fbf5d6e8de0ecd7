import { Injectable } from '@nestjs/common';
import { Clock, FulfillmentType, TransactionHost } from '@app/common';
import type { Candidate } from './sourcing-strategy.js';

/** A DELIVERY fulfilment's claim on its source's daily capacity: how many per day, and which day (the source's own). */
export interface CapacityClaim {
  perDay: number;
  /** YYYY-MM-DD in the source's time zone. */
  day: string;
}

/**
 * How many delivery fulfilments each location has taken on per day of its own time zone (fulfilment_capacity,
 * ships_orders stores and warehouses with a `fulfilmentCapacityPerDay`). Sourcing reads it to skip a full
 * location; placement claims one unit per fulfilment with a guarded upsert in the order's transaction, so
 * concurrent checkouts never take more than the capacity (a claim that finds the day full makes the
 * placement plan again). A cancelled order does not give its unit back: the capacity counts the work a
 * location took on that day (picking may have started), and it resets at the location's next midnight.
 */
@Injectable()
export class FulfilmentCapacity {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** Today in `timeZone` (by the service's clock), as YYYY-MM-DD. */
  today(timeZone: string): string {
    return dayIn(timeZone, this.clock.date());
  }

  /** The claim a delivery fulfilment from `c` makes, or null when `c` has no limit. */
  claimFor(c: Candidate): CapacityClaim | null {
    return c.capacityPerDay == null ? null : { perDay: c.capacityPerDay, day: this.today(c.timeZone) };
  }

  /** The candidates (with a capacity) that have used all of today's, in one statement. */
  async full(candidates: Candidate[]): Promise<Set<string>> {
    const limited = candidates.filter((c) => c.capacityPerDay != null);
    if (!limited.length) return new Set();
    const full = new Set(limited.filter((c) => c.capacityPerDay! <= 0).map((c) => c.locationId));
    const rest = limited.filter((c) => !full.has(c.locationId));
    if (!rest.length) return full;
    const rows: { locationId: string }[] = await this.tx.manager.query(
      `SELECT fc.location_id AS "locationId"
         FROM fulfilment_capacity fc
         JOIN unnest($1::uuid[], $2::date[], $3::int[]) AS q(location_id, day, per_day) ON q.location_id = fc.location_id AND q.day = fc.day
         WHERE fc.used >= q.per_day`,
      [rest.map((c) => c.locationId), rest.map((c) => this.today(c.timeZone)), rest.map((c) => c.capacityPerDay)],
    );
    rows.forEach((r) => full.add(r.locationId));
    return full;
  }

  /**
   * Takes one unit of `locationId`'s capacity on `claim.day`, in the caller's transaction: false when the
   * day is full (nothing changes). The row lock makes concurrent claims queue, and each re-checks `used`.
   */
  async claim(locationId: string, claim: CapacityClaim): Promise<boolean> {
    if (claim.perDay <= 0) return false;
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO fulfilment_capacity (location_id, day, used) VALUES ($1, $2::date, 1)
       ON CONFLICT (location_id, day) DO UPDATE SET used = fulfilment_capacity.used + 1
         WHERE fulfilment_capacity.used < $3
       RETURNING used`,
      [locationId, claim.day, claim.perDay],
    );
    return rows.length > 0;
  }

  /** What `locationId` has used on `day` (0 if nothing yet). */
  async used(locationId: string, day: string): Promise<number> {
    const [row]: { used: number }[] = await this.tx.manager.query(
      `SELECT used FROM fulfilment_capacity WHERE location_id = $1 AND day = $2::date`,
      [locationId, day],
    );
    return row?.used ?? 0;
  }

  /** Records why each fulfilment's source was chosen (`ids` and `reasons` side by side). */
  async recordReasons(ids: string[], reasons: (string | null)[]): Promise<void> {
    if (!ids.length) return;
    await this.tx.manager.query(
      `UPDATE fulfillment f SET sourcing_reason = r.reason
         FROM unnest($1::uuid[], $2::varchar[]) AS r(id, reason) WHERE f.id = r.id`,
      [ids, reasons],
    );
  }
}

/** Whether a planned fulfilment counts against its source's capacity (only what is delivered to a customer does). */
export const countsAgainstCapacity = (type: FulfillmentType): boolean => type === FulfillmentType.DELIVERY;

/** The calendar day of `at` in `timeZone`, as YYYY-MM-DD. */
export function dayIn(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
