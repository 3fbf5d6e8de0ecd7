import { Injectable } from '@nestjs/common';
import { type RequestContext, requireActsAt } from '@app/auth';
import { isUuid, notFound, TransactionHost } from '@app/common';

/** One variant staff must take from the shelf, with the open fulfilments it serves. */
export interface PickListRow {
  variantId: string;
  quantity: number;
  fulfillmentIds: string[];
  oldestOrderAt: Date;
}

const PICK_LIMIT = 500;

/**
 * What a location's staff must take from the shelf now: the units of its fulfilments not yet picked
 * (ALLOCATED), pickups to prepare there and shipments (deliveries and transfers to a pickup store) to send
 * from there, grouped by variant. Soonest due first: a pickup is due by its promised `ready_by`, a delivery
 * (which promises no time) as soon as it was ordered; then the oldest order (first in, first out), then the
 * variant id so the list is stable.
 */
@Injectable()
export class PickList {
  constructor(private readonly tx: TransactionHost) {}

  async forLocation(ctx: RequestContext, locationId: string): Promise<PickListRow[]> {
    if (!isUuid(locationId)) throw notFound('Location');
    requireActsAt(ctx.caller, locationId);
    const rows = await this.tx.manager.query<{ variantId: string; quantity: number; fulfillmentIds: string[]; oldestOrderAt: Date }[]>(
      `SELECT l.variant_id AS "variantId", SUM(l.quantity)::int AS quantity,
              array_agg(f.id ORDER BY COALESCE(f.ready_by, o.created_at), o.created_at, f.id) AS "fulfillmentIds", MIN(o.created_at) AS "oldestOrderAt"
       FROM fulfillment f
       JOIN order_line l ON l.fulfillment_id = f.id
       JOIN customer_order o ON o.id = f.order_id
       WHERE f.source_location_id = $1 AND f.status = 'ALLOCATED'
       GROUP BY l.variant_id
       ORDER BY MIN(COALESCE(f.ready_by, o.created_at)), MIN(o.created_at), l.variant_id
       LIMIT ${PICK_LIMIT}`,
      [locationId],
    );
    return rows.map((r) => ({ ...r, fulfillmentIds: [...new Set(r.fulfillmentIds)] }));
  }
}
