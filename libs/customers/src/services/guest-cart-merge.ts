import { Injectable } from '@nestjs/common';

/** What signing in does with the guest cart `cartId`: brings it into the customer's (the cart domain's rule). */
export interface GuestCartMerger {
  merge(guestCartId: string, customerId: string): Promise<unknown>;
}

/**
 * Where sign-up and sign-in hand the shopper's guest cart over. The cart domain registers its merger at
 * start (CartMergeService): it depends on customers, so customers cannot call it by import. Without one
 * (a process with no carts) a `cartId` is ignored.
 */
@Injectable()
export class GuestCartMerge {
  private merger: GuestCartMerger | null = null;

  register(merger: GuestCartMerger): void {
    this.merger = merger;
  }

  async merge(guestCartId: string | null | undefined, customerId: string): Promise<void> {
    if (guestCartId && this.merger) await this.merger.merge(guestCartId, customerId);
  }
}
