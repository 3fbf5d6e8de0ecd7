import type { CartLineEntity } from '../entities/cart-line.entity.js';
import type { CartEntity } from '../entities/cart.entity.js';

/** A cart as read in one go: the row, its lines in order, and its discount codes in the order entered. */
export interface CartView {
  cart: CartEntity;
  lines: CartLineEntity[];
  codes: { promotionId: string; code: string }[];
}
