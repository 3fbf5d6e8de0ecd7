import { type Caller } from '@app/auth';
import { forbidden, unauthenticated } from '@app/common';

/**
 * Who may use a cart: anyone holding a guest cart's id (it is unguessable); a customer's cart only that
 * customer, and staff of any store, who serve customers in person.
 */
export function assertMayUseCart(caller: Caller, cart: { customerId: string | null }): void {
  if (cart.customerId === null || caller.kind === 'staff') return;
  if (caller.kind === 'guest') throw unauthenticated('Sign in to use this cart');
  if (caller.customerId !== cart.customerId) throw forbidden('This cart belongs to another customer');
}
