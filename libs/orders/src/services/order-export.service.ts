import { Injectable } from '@nestjs/common';
import { epochMicrosSql, fromEpochMicrosSql, TransactionHost } from '@app/common';

/** An order as an export writes it: one line of NDJSON (or one CSV row per order line). */
export interface ExportedOrder {
  id: string;
  number: string;
  channel: string;
  status: string;
  currency: string;
  subtotal: number;
  discount: number;
  total: number;
  customerId: string | null;
  locationId: string | null;
  createdAt: Date;
  lines: { sku: string; quantity: number; unitPrice: number; fulfillmentType: string; fulfillmentStatus: string }[];
}

/** Orders placed in a window, oldest first, a batch at a time: keyset over (created_at, id), so an export of a year costs its rows. */
@Injectable()
export class OrderExport {
  constructor(private readonly tx: TransactionHost) {}

  async *batches(from: Date, to: Date, size = 500): AsyncGenerator<ExportedOrder[]> {
    let key: { micros: string; id: string } | null = null; // microseconds: a Date would lose them and repeat rows
    for (;;) {
      const rows: (ExportedOrder & { key: string })[] = await this.tx.manager.query(
        `SELECT o.id, o.number, o.channel, o.status, o.currency, o.subtotal, o.discount, o.total, o.customer_id AS "customerId",
                o.attributed_location_id AS "locationId", o.created_at AS "createdAt", ${epochMicrosSql('o.created_at')} AS key,
                (SELECT COALESCE(json_agg(json_build_object('sku', ol.sku, 'quantity', ol.quantity, 'unitPrice', ol.unit_price,
                          'fulfillmentType', f.type, 'fulfillmentStatus', f.status) ORDER BY ol.position, ol.id), '[]')
                   FROM order_line ol JOIN fulfillment f ON f.id = ol.fulfillment_id WHERE ol.order_id = o.id) AS lines
         FROM customer_order o
         WHERE o.created_at >= $1 AND o.created_at < $2 AND ($3::text IS NULL OR (o.created_at, o.id) > (${fromEpochMicrosSql('$3::text')}, $4::uuid))
         ORDER BY o.created_at, o.id LIMIT $5`,
        [from, to, key?.micros ?? null, key?.id ?? null, size],
      );
      if (!rows.length) return;
      yield rows.map(({ key: _, ...o }) => o);
      const last = rows[rows.length - 1];
      key = { micros: last.key, id: last.id };
      if (rows.length < size) return;
    }
  }
}
