import {} from '../../../auth/src/index.js';
import { forbidden, unauthenticated } from '../../../common/src/index.js';
/**
 * Who may use a cart: anyone holding a guest cart's id (it is unguessable); a customer's cart only that
 * customer, and staff of any store, who serve customers in person.
 */
export function assertMayUseCart(caller, cart) {
    if (cart.customerId === null || caller.kind === 'staff')
        return;
    if (caller.kind === 'guest')
        throw unauthenticated('Sign in to use this cart');
    if (caller.customerId !== cart.customerId)
        throw forbidden('This cart belongs to another customer');
}
//# sourceMappingURL=cart-access.js.map