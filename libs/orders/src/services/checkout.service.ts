import { Injectable } from '@nestjs/common';
import { type Caller, type RequestContext } from '@app/auth';
import { assertMayUseCart, CartsService, CartStatus, type CartView } from '@app/cart';
import { badInput, BusinessError, ErrorCode, FulfillmentType, notFound } from '@app/common';
import { AppConfig } from '@app/config';
import { CustomersService } from '@app/customers';
import { PaymentMethod, type PaymentRow, PaymentsService } from '@app/payments';
import type { CheckoutInput } from '../dto/checkout.input.js';
import { idempotencyScope } from './idempotency-scope.js';
import { OrderPlacement, type PlacedOrder, type PlacementPayment } from './order-placement.service.js';
import { PlacementRetries } from './placement-retries.service.js';

export { StockMoved, type PlacedOrder } from './order-placement.service.js';

/**
 * Turns a cart into an order, all or nothing, in one transaction: lock the cart, find who hears about the
 * order, place it (OrderPlacement: price, count the codes' uses, plan the sources, write, hold, queue the
 * confirmation) and close the cart. A refusal rolls everything back. The cart row lock makes concurrent
 * retries of one checkout wait for the first; PlacementRetries makes the key idempotent. A card is authorised
 * before, outside the transaction, and released if no order comes of it (docs/adr/0030-payments.md).
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly carts: CartsService,
    private readonly customers: CustomersService,
    private readonly placement: OrderPlacement,
    private readonly retries: PlacementRetries,
    private readonly payments: PaymentsService,
    private readonly config: AppConfig,
  ) {}

  async checkout(ctx: RequestContext, input: CheckoutInput): Promise<PlacedOrder> {
    const method = input.payment?.method;
    if (!method && this.config.get('CHECKOUT_PAYMENT_REQUIRED'))
      throw new BusinessError(ErrorCode.PAYMENT_REQUIRED, 'This shop takes orders with a payment only', ['payment']);
    if (method !== PaymentMethod.CARD) return this.retries.run(ctx, input, (last) => this.place(ctx, input, last, method ?? null));
    const earlier = await this.retries.replay(ctx, input);
    if (earlier) return earlier;
    const authorization = await this.authorize(ctx, input);
    if (!authorization) return this.retries.run(ctx, input, (last) => this.place(ctx, input, last, null)); // nothing to pay
    try {
      const placed = await this.retries.run(ctx, input, (last) => this.place(ctx, input, last, authorization));
      // A parallel attempt (another card for the same key) may have placed the order: this card is then released.
      await this.payments.voidUnplaced(authorization.id);
      return placed;
    } catch (err) {
      // A parallel attempt with this key may have placed the order (with this authorisation or another): then it is the answer.
      const placed = await this.retries.replay(ctx, input).catch(() => null);
      await this.payments.voidUnplaced(authorization.id); // unless attached; before the answer goes out; else the repair job
      if (placed) return placed;
      throw err;
    }
  }

  /** Authorises the cart's total on the card, as it would be ordered now; null for a total of zero. */
  private async authorize(ctx: RequestContext, input: CheckoutInput): Promise<PaymentRow | null> {
    const token = input.payment?.token;
    if (!token) throw badInput('payment.token: required for CARD', ['input', 'payment', 'token']);
    if (!this.payments.cardsAccepted)
      throw new BusinessError(ErrorCode.PAYMENT_METHOD_NOT_ALLOWED, 'Card payments are not taken here', ['payment', 'method']);
    const view = await this.carts.view(input.cartId);
    if (!view) throw notFound('Cart');
    assertMayUseCart(ctx.caller, view.cart);
    if (view.cart.status !== CartStatus.ACTIVE)
      throw new BusinessError(ErrorCode.CART_NOT_ACTIVE, `This cart is ${view.cart.status.toLowerCase()}`, ['cartId']);
    if (!view.lines.length) throw new BusinessError(ErrorCode.EMPTY_CART, 'The cart is empty', ['cartId']);
    const priced = await this.placement.quote(ctx, view);
    if (priced.total === 0) return null;
    return this.payments.authorize({
      // The cart in the key too: a customer's scope is theirs across carts, and two carts are two payments.
      key: `${idempotencyScope(ctx.caller, input.cartId)}:${input.cartId}:${input.idempotencyKey}`,
      amount: priced.total,
      currency: priced.currency,
      token,
      description: `Cart ${input.cartId}`,
    });
  }

  private async place(
    ctx: RequestContext,
    input: CheckoutInput,
    lastAttempt: boolean,
    payment: PaymentRow | PaymentMethod.PAY_AT_PICKUP | null,
  ): Promise<PlacedOrder> {
    const view = await this.lockedCart(ctx, input);
    if (!Array.isArray(view)) return view;
    const [cart] = view;
    if (payment === PaymentMethod.PAY_AT_PICKUP && cart.lines.some((l) => l.fulfillmentType === FulfillmentType.DELIVERY))
      throw new BusinessError(ErrorCode.PAYMENT_METHOD_NOT_ALLOWED, 'Paying at the counter needs every line collected in a store', [
        'payment',
        'method',
      ]);
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
      payment === null ? undefined : this.paidBy(payment),
    );
    await this.carts.markOrdered(cart.cart.id);
    return placed;
  }

  /** What the placement does for the payment: the total must be what the card holds; the order then owns it. */
  private paidBy(payment: PaymentRow | PaymentMethod.PAY_AT_PICKUP): PlacementPayment {
    if (payment === PaymentMethod.PAY_AT_PICKUP)
      return {
        checkPriced: () => undefined,
        placed: (orderId, priced) => this.payments.openAtCounter(orderId, priced.total, priced.currency),
      };
    return {
      checkPriced: (priced) => {
        if (priced.total !== payment.due || priced.currency !== payment.currency)
          throw new BusinessError(ErrorCode.PRICE_CHANGED, 'The total changed while the card was authorised; check out again', ['cartId']);
      },
      placed: (orderId) => this.payments.attach(payment.id, orderId),
    };
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
