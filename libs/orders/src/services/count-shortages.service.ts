import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { StaffCaller } from '@app/auth';
import { TransactionHost } from '@app/common';
import { HeldStockShortages, StockCountsService } from '@app/inventory';
import { FulfillmentShortages } from './fulfillment-shortages.service.js';

/**
 * Units held for orders that a stock count did not find go through the shortage flow, as if staff had
 * reported them on each pickup or shipment: written off, sourced again, or cancelled and the customer told.
 * The newest orders give up their units first, so the oldest promises are the ones kept.
 */
@Injectable()
export class CountShortages extends HeldStockShortages implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly shortages: FulfillmentShortages,
    private readonly counts: StockCountsService,
  ) {
    super();
  }

  onModuleInit(): void {
    this.counts.handleShortagesWith(this);
  }

  async unitsMissing(staff: StaffCaller, locationId: string, variantId: string, quantity: number): Promise<number> {
    // Held on this shelf: before they leave (ALLOCATED), or a pickup ready on its own store's shelf.
    const holding = await this.tx.manager.query<{ id: string; held: number }[]>(
      `SELECT f.id, sum(ol.quantity)::int AS held
       FROM fulfillment f JOIN order_line ol ON ol.fulfillment_id = f.id JOIN customer_order o ON o.id = f.order_id
       WHERE f.source_location_id = $1 AND ol.variant_id = $2
         AND (f.status = 'ALLOCATED' OR (f.type = 'PICKUP' AND f.status = 'READY_FOR_PICKUP'))
       GROUP BY f.id, o.created_at ORDER BY o.created_at DESC, f.id`,
      [locationId, variantId],
    );
    let left = quantity;
    for (const f of holding) {
      if (left === 0) break;
      const q = Math.min(left, f.held);
      await this.shortages.report(staff, f.id, [{ variantId, quantity: q }]);
      left -= q;
    }
    return quantity - left;
  }
}
