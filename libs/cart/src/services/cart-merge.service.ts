import { Injectable } from '@nestjs/common';
import { isUuid, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { CartStatus } from '../fulfillment-type.js';

/**
 * Brings a guest cart into a customer's account at sign-in. Without an active cart, the customer simply
 * takes the guest cart over (same id). Otherwise its lines are added to theirs as cartLinesAdd would (same
 * variant and fulfilment: quantities add, capped at the per-line maximum; new lines keep their order and
 * channel), its codes follow, and the guest cart is closed as MERGED. Anything but an active guest cart
 * (unknown, already merged or ordered, someone's own cart, a cart in another currency, or one whose lines
 * would take the customer's cart past CART_MAX_LINES) is left alone, so merging twice is harmless.
 */
@Injectable()
export class CartMergeService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly config: AppConfig,
  ) {}

  /** Returns the customer's cart id after the merge, or null when there was nothing to merge. */
  merge(guestCartId: string, customerId: string): Promise<string | null> {
    if (!isUuid(guestCartId)) return Promise.resolve(null);
    return this.tx.run(async (em) => {
      await em.query(`SELECT 1 FROM customer WHERE id = $1 FOR UPDATE`, [customerId]);
      const [guest] = await em.query(`SELECT id FROM cart WHERE id = $1 AND status = $2 AND customer_id IS NULL FOR UPDATE`, [guestCartId, CartStatus.ACTIVE]);
      if (!guest) return null;
      const [target] = await em.query(`SELECT id FROM cart WHERE customer_id = $1 AND status = $2 FOR UPDATE`, [customerId, CartStatus.ACTIVE]);
      if (!target) {
        await em.query(`UPDATE cart SET customer_id = $2, updated_at = now() WHERE id = $1`, [guestCartId, customerId]);
        return guestCartId;
      }
      // A cart is priced in one currency: carts in two currencies are not merged (the guest cart stays as it is).
      const [{ currencies }] = await em.query(
        `SELECT count(DISTINCT v.price_currency)::int AS currencies FROM cart_line cl JOIN product_variant v ON v.id = cl.variant_id WHERE cl.cart_id IN ($1, $2)`,
        [guestCartId, target.id]);
      if (currencies > 1) return null;
      // Nor when the merged cart would hold more lines than a cart may (CART_MAX_LINES), as cartLinesAdd refuses.
      const [{ lines }] = await em.query(
        `SELECT count(DISTINCT (variant_id, fulfillment_type, location_id))::int AS lines FROM cart_line WHERE cart_id IN ($1, $2)`,
        [guestCartId, target.id]);
      if (lines > this.config.get('CART_MAX_LINES')) return null;
      const max = this.config.get('CART_MAX_LINE_QUANTITY');
      await em.query(
        `INSERT INTO cart_line AS cl (cart_id, variant_id, quantity, fulfillment_type, location_id, added_via, added_by_staff_id, created_at)
         SELECT $2, variant_id, LEAST(quantity, $3), fulfillment_type, location_id, added_via, added_by_staff_id, created_at
         FROM cart_line WHERE cart_id = $1 ORDER BY seq
         ON CONFLICT (cart_id, variant_id, fulfillment_type, location_id)
         DO UPDATE SET quantity = LEAST(cl.quantity + EXCLUDED.quantity, $3), updated_at = now()`,
        [guestCartId, target.id, max]);
      await em.query(
        `INSERT INTO cart_discount_code (cart_id, promotion_id, position)
         SELECT $2, promotion_id, (SELECT COALESCE(MAX(position), -1) + 1 FROM cart_discount_code WHERE cart_id = $2) + position
         FROM cart_discount_code WHERE cart_id = $1 ON CONFLICT DO NOTHING`,
        [guestCartId, target.id]);
      await em.query(`UPDATE cart SET status = $2, merged_into = $3, updated_at = now() WHERE id = $1`, [guestCartId, CartStatus.MERGED, target.id]);
      await em.query(`UPDATE cart SET updated_at = now() WHERE id = $1`, [target.id]);
      return target.id as string;
    });
  }
}
