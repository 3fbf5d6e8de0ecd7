import type { CartView } from '../services/cart-view.js';
import { Cart, CartFulfillment, CartLine } from './cart.model.js';

export function toCart(view: CartView): Cart {
  const { cart } = view;
  return Object.assign(new Cart(), {
    id: cart.id,
    status: cart.status,
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
    customerId: cart.customerId,
    view,
    discountCodes: view.codes.map((c) => c.code),
    lines: view.lines.map((l) =>
      Object.assign(new CartLine(), {
        id: l.id,
        quantity: l.quantity,
        addedVia: l.addedVia,
        variantId: l.variantId,
        cartId: l.cartId,
        addedByStaffId: l.addedByStaffId,
        fulfillment: Object.assign(new CartFulfillment(), { type: l.fulfillmentType, locationId: l.locationId }),
      }),
    ),
  });
}
