import type { StaffCaller } from '@app/auth';

/**
 * What a count does with units held for orders that it did not find: the orders' shortage flow (write them off
 * and source them again, or cancel and tell the customer). The orders lib hands it in at start
 * (StockCountsService.handleShortagesWith: it depends on the inventory, so the inventory names only this port); without it the units stay held and the count reports them.
 */
export abstract class HeldStockShortages {
  /** Handles up to `quantity` missing units of the variant held at the location; returns how many it handled. */
  abstract unitsMissing(staff: StaffCaller, locationId: string, variantId: string, quantity: number): Promise<number>;
}
