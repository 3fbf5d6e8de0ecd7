import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isUuid, TransactionHost } from '@app/common';
import { variantSql } from '@app/catalogue';
import { AppConfig } from '@app/config';
import { CustomersService, type GuestCartMerger, GuestCartMerge } from '@app/customers';
import { CartStatus } from '../cart-status.js';

/**
 * Brings a guest cart into a customer's account at sign-in. Without an active cart, the customer simply
 * takes the guest cart over (same id). Otherwise its lines are added to theirs as cartLinesAdd would (same
 * variant and fulfilment: quantities add; new lines keep their order and channel), its codes follow, and
 * the guest cart is closed as MERGED. Anything but an active guest cart (unknown, already merged or
 * ordered, someone's own cart, a cart in another currency, or one whose lines would take the customer's
 * cart past CART_MAX_LINES) is left alone, so merging twice is harmless.
 *
 * CART_MAX_LINE_QUANTITY bounds the units of one variant over all the cart's lines. Where the two carts
 * together would pass it, the merge caps rather than refuses (signing in must not fail over a cart): the
 * customer's own lines keep their quantities, and the guest's lines of that variant, in the order they
 * were added, bring only the units still under the limit; a guest line left with none is not brought.
 */
@Injectable()
export class CartMergeService implements GuestCartMerger, OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly config: AppConfig,
    private readonly customers: CustomersService,
    private readonly signIn: GuestCartMerge,
  ) {}

  /** Sign-up and sign-in (customers) hand the guest cart over here. */
  onModuleInit(): void {
    this.signIn.register(this);
  }

  /** Returns the customer's cart id after the merge, or null when there was nothing to merge. */
  merge(guestCartId: string, customerId: string): Promise<string | null> {
    if (!isUuid(guestCartId)) return Promise.resolve(null);
    return this.tx.run(async (em) => {
      await this.customers.lock(customerId);
      const [guest] = await em.query<{ id: string }[]>(
        `SELECT id FROM cart WHERE id = $1 AND status = $2 AND customer_id IS NULL FOR UPDATE`,
        [guestCartId, CartStatus.ACTIVE],
      );
      if (!guest) return null;
      const [target] = await em.query<{ id: string }[]>(`SELECT id FROM cart WHERE customer_id = $1 AND status = $2 FOR UPDATE`, [
        customerId,
        CartStatus.ACTIVE,
      ]);
      if (!target) {
        await em.query(`UPDATE cart SET customer_id = $2, updated_at = now() WHERE id = $1`, [guestCartId, customerId]);
        return guestCartId;
      }
      // A cart is priced in one currency: carts in two currencies are not merged (the guest cart stays as it is).
      const [{ currencies }] = await em.query<{ currencies: number }[]>(
        `SELECT count(DISTINCT ${variantSql.currencyOf('v')})::int AS currencies
         FROM cart_line cl ${variantSql.join('v', 'cl.variant_id')} WHERE cl.cart_id IN ($1, $2)`,
        [guestCartId, target.id],
      );
      if (currencies > 1) return null;
      // Nor when the merged cart would hold more lines than a cart may (CART_MAX_LINES), as cartLinesAdd refuses.
      const [{ lines }] = await em.query<{ lines: number }[]>(
        `SELECT count(DISTINCT (variant_id, fulfillment_type, location_id))::int AS lines FROM cart_line WHERE cart_id IN ($1, $2)`,
        [guestCartId, target.id],
      );
      if (lines > this.config.get('CART_MAX_LINES')) return null;
      // Each guest line keeps what is left of the limit after the customer's units of its variant and the
      // guest's earlier lines of it (raw running sum: once it passes what is left, every later line keeps 0).
      await em.query(
        `WITH mine AS (SELECT variant_id, SUM(quantity) AS units FROM cart_line WHERE cart_id = $2 GROUP BY variant_id),
         theirs AS (
           SELECT g.seq, g.variant_id, g.fulfillment_type, g.location_id, g.added_via, g.added_by_staff_id, g.created_at,
                  LEAST(g.quantity,
                        $3 - COALESCE(m.units, 0) - (SUM(g.quantity) OVER (PARTITION BY g.variant_id ORDER BY g.seq) - g.quantity)) AS kept
           FROM cart_line g LEFT JOIN mine m ON m.variant_id = g.variant_id WHERE g.cart_id = $1)
         INSERT INTO cart_line AS cl
           (cart_id, variant_id, quantity, fulfillment_type, location_id, added_via, added_by_staff_id, created_at)
         SELECT $2, variant_id, kept, fulfillment_type, location_id, added_via, added_by_staff_id, created_at
         FROM theirs WHERE kept > 0 ORDER BY seq
         ON CONFLICT (cart_id, variant_id, fulfillment_type, location_id)
         DO UPDATE SET quantity = cl.quantity + EXCLUDED.quantity, updated_at = now()`,
        [guestCartId, target.id, this.config.get('CART_MAX_LINE_QUANTITY')],
      );
      await em.query(
        `INSERT INTO cart_discount_code (cart_id, promotion_id, position)
         SELECT $2, promotion_id, (SELECT COALESCE(MAX(position), -1) + 1 FROM cart_discount_code WHERE cart_id = $2) + position
         FROM cart_discount_code WHERE cart_id = $1 ON CONFLICT DO NOTHING`,
        [guestCartId, target.id],
      );
      await em.query(`UPDATE cart SET status = $2, merged_into = $3, updated_at = now() WHERE id = $1`, [
        guestCartId,
        CartStatus.MERGED,
        target.id,
      ]);
      await em.query(`UPDATE cart SET updated_at = now() WHERE id = $1`, [target.id]);
      return target.id;
    });
  }
}
