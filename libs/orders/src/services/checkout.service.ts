import { Injectable } from '@nestjs/common';
import { type Caller, type RequestContext } from '@app/auth';
import { assertMayUseCart, CartsService, CartStatus, type CartView } from '@app/cart';
import { BusinessError, ErrorCode, notFound } from '@app/common';
import { CustomersService } from '@app/customers';
import type { CheckoutInput } from '../dto/checkout.input.js';
import { OrderPlacement, type PlacedOrder } from './order-placement.service.js';
import { PlacementRetries } from './placement-retries.service.js';

export { StockMoved, type PlacedOrder } from './order-placement.service.js';

/**
 * Turns a cart into an order, all or nothing, in one transaction: lock the cart, find who hears about the
 * order, place it (OrderPlacement: price, count the codes' uses, plan the sources, write, hold, queue the
 * confirmation) and close the cart. A refusal rolls everything back. The cart row lock makes concurrent
 * retries of one checkout wait for the first; PlacementRetries makes the key idempotent.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly carts: CartsService,
    private readonly customers: CustomersService,
    private readonly placement: OrderPlacement,
    private readonly retries: PlacementRetries,
  ) {}

  checkout(ctx: RequestContext, input: CheckoutInput): Promise<PlacedOrder> {
    return this.retries.run(ctx, input, (last) => this.place(ctx, input, last));
  }

  private async place(ctx: RequestContext, input: CheckoutInput, lastAttempt: boolean): Promise<PlacedOrder> {
    const view = await this.lockedCart(ctx, input);
    if (!Array.isArray(view)) return view;
    const [cart] = view;
    const contact = await this.contactFor(ctx.caller, cart.cart.customerId, input.contact);
    const staff = ctx.caller.kind === 'staff' ? ctx.caller : null;
    // Credited to no store: staff may check out any cart, from anywhere. A sale counts for a store only as an
    // assisted order, placed at the store the staff member acts at.
    const placed = await this.placement.place(
      ctx,
      cart,
      {
        idempotencyKey: input.idempotencyKey,
        cartId: cart.cart.id,
        contact,
        address: input.shippingAddress ?? null,
        attributedLocationId: null,
        placedByStaffId: staff?.staffId ?? null,
      },
      lastAttempt,
    );
    await this.carts.markOrdered(cart.cart.id);
    return placed;
  }

  /** Locks the cart. An already ordered cart answers with its order when the key matches (a retry that waited). */
  private async lockedCart(ctx: RequestContext, input: CheckoutInput): Promise<[CartView] | PlacedOrder> {
    const view = await this.carts.view(input.cartId, { lock: true });
    if (!view) throw notFound('Cart');
    assertMayUseCart(ctx.caller, view.cart);
    if (view.cart.status === CartStatus.ORDERED) {
      const placed = await this.retries.replay(ctx, input);
      if (placed) return placed;
    }
    if (view.cart.status !== CartStatus.ACTIVE)
      throw new BusinessError(ErrorCode.CART_NOT_ACTIVE, `This cart is ${view.cart.status.toLowerCase()}`, ['cartId']);
    if (!view.lines.length) throw new BusinessError(ErrorCode.EMPTY_CART, 'The cart is empty', ['cartId']);
    return [view];
  }

  /**
   * Who hears about the order, and so gets its pickup codes. Guests and customers ordering for themselves:
   * the given contact, else the account's. Staff ordering for an account cannot redirect it: the account's
   * email and phone, and only a name the account lacks from the given contact. Not a phone it lacks: the
   * ready-for-pickup text carries the code, and a number typed at a till is not known to be the customer's.
   */
  async contactFor(caller: Caller, customerId: string | null, given: { email: string; phone?: string; name?: string } | undefined) {
    const customer = customerId ? await this.customers.find(customerId) : null;
    if (customer && caller.kind === 'staff')
      return { email: customer.email, phone: customer.phone, name: customer.name ?? given?.name ?? null };
    const email = given?.email ?? customer?.email;
    if (!email) throw new BusinessError(ErrorCode.CONTACT_REQUIRED, 'An order needs a contact email', ['contact', 'email']);
    return { email, phone: given?.phone ?? customer?.phone ?? null, name: given?.name ?? customer?.name ?? null };
  }
}
