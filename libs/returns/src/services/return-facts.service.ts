import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/common';

/** Returns received in a window, by the channel of the original sale. */
export interface ReturnsByChannel {
  channel: string;
  currency: string;
  returns: number;
  units: number;
  refunded: string;
}

/** Returns received in a window, by the store that took them back. */
export interface ReturnsByStore {
  locationId: string;
  currency: string;
  returns: number;
  units: number;
  refunded: string;
}

/** The returns' figures for reports: the returns lib owns its tables and writes their SQL. */
@Injectable()
export class ReturnFacts {
  constructor(private readonly tx: TransactionHost) {}

  /** `locationId`: only the returns received at that store (a manager's report). */
  byChannel(s: { from: Date; to: Date; locationId: string | null }): Promise<ReturnsByChannel[]> {
    return this.tx.manager.query(
      `SELECT order_channel AS channel, currency, count(*)::int AS returns, COALESCE(sum(units), 0)::int AS units, sum(refund_amount)::text AS refunded
       FROM (${RECEIVED}) r GROUP BY order_channel, currency`,
      [s.from, s.to, s.locationId],
    );
  }

  byStore(s: { from: Date; to: Date; locationId: string | null }): Promise<ReturnsByStore[]> {
    return this.tx.manager.query(
      `SELECT location_id AS "locationId", currency, count(*)::int AS returns, COALESCE(sum(units), 0)::int AS units, sum(refund_amount)::text AS refunded
       FROM (${RECEIVED}) r GROUP BY location_id, currency ORDER BY returns DESC, location_id`,
      [s.from, s.to, s.locationId],
    );
  }
}

/** Returns received in [$1, $2) (at store $3 when given), with their units: on IDX_order_return_received. */
const RECEIVED = `SELECT r.order_channel, r.location_id, r.currency, r.refund_amount,
    (SELECT sum(l.quantity) FROM order_return_line l WHERE l.return_id = r.id) AS units
  FROM order_return r
  WHERE r.status = 'RECEIVED' AND r.received_at >= $1 AND r.received_at < $2 AND ($3::uuid IS NULL OR r.location_id = $3)`;
