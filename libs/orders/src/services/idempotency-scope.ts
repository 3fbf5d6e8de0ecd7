import type { Caller } from '@app/auth';

/**
 * Whose keys an idempotency key is unique among: the caller's. Unique across everyone, a key told one
 * caller that another had used it (IDEMPOTENCY_KEY_REUSED for another cart) and let a predictable key be
 * claimed first. A customer's and a staff member's keys are theirs; a guest has no identity but the cart,
 * and a guest checkout is for that one cart.
 */
export function idempotencyScope(caller: Caller, cartId: string | null): string {
  if (caller.kind === 'customer') return `customer:${caller.customerId}`;
  if (caller.kind === 'staff') return `staff:${caller.staffId}`;
  if (!cartId) throw new Error('A guest checkout names its cart');
  return `cart:${cartId}`;
}
