import { Injectable } from '@nestjs/common';
import { type Caller, type RequestContext } from '@app/auth';
import { assertMayUseCart, CartPricingService, CartsService, CartStatus, type CartView, type PricedCart } from '@app/cart';
import {
  BusinessError,
  entityColumns,
  ErrorCode,
  FulfillmentType,
  notFound,
  PG_UNIQUE_VIOLATION,
  pgCode,
  pgConstraint,
  TransactionHost,
} from '@app/common';
import { CustomersService } from '@app/customers';
import { StockLedger, StockMovementType } from '@app/inventory';
import { LocationsService } from '@app/locations';
import { NotificationOutbox, NotificationTemplate } from '@app/notifications';
import { PromotionsService } from '@app/promotions';
import type { CheckoutInput } from '../dto/checkout.input.js';
import { OrderEntity } from '../entities/order.entity.js';
import { SourcingService } from '../sourcing/sourcing.service.js';
import { idempotencyScope } from './idempotency-scope.js';
import { OrderAccess } from './order-access.service.js';
import { OrderEvents } from './order-events.js';
import { type NewOrder, OrderWriter, type PlannedFulfillment } from './order-writer.service.js';

const ATTEMPTS = 3;

/** A reservation lost a race between planning and holding: plan again with fresh numbers. */
export class StockMoved extends Error {}

export interface PlacedOrder {
  order: OrderEntity;
  /** Plain pickup codes by fulfilment id, to show the customer who placed the order (this once). */
  pickupCodes: Map<string, string>;
}

/**
 * Turns a cart into an order, all or nothing, in one transaction: price the cart, count the codes' uses,
 * choose a source for each line, hold the stock (guarded UPDATEs in a fixed order, so concurrent checkouts
 * neither oversell nor deadlock), write the order, close the cart, and queue the confirmation. A refusal
 * rolls everything back. The cart row lock makes concurrent retries of one checkout wait for the first.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly carts: CartsService,
    private readonly pricing: CartPricingService,
    private readonly customers: CustomersService,
    private readonly promotions: PromotionsService,
    private readonly sourcing: SourcingService,
    private readonly locations: LocationsService,
    private readonly ledger: StockLedger,
    private readonly writer: OrderWriter,
    private readonly outbox: NotificationOutbox,
    private readonly access: OrderAccess,
    private readonly orderEvents: OrderEvents,
  ) {}

  checkout(ctx: RequestContext, input: CheckoutInput): Promise<PlacedOrder> {
    return this.withRetries(ctx, input, (last) => this.place(ctx, input, last));
  }

  /**
   * Runs one placement in its own transaction: first answers a key already used, retries a placement whose
   * holds lost a race, and answers a key that a parallel call committed first with that call's order.
   */
  async withRetries(
    ctx: RequestContext,
    key: { idempotencyKey: string; cartId?: string | null },
    place: (lastAttempt: boolean) => Promise<PlacedOrder>,
  ): Promise<PlacedOrder> {
    const earlier = await this.replay(ctx, key);
    if (earlier) return earlier;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx.run(() => place(attempt === ATTEMPTS));
      } catch (err) {
        if (err instanceof StockMoved && attempt < ATTEMPTS) continue;
        if (pgCode(err) === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'UQ_order_idempotency_scope_key') {
          const placed = await this.replay(ctx, key);
          if (placed) return placed;
        }
        throw err;
      }
    }
  }

  /**
   * The order an earlier call by this caller with this key made, if any (only for the same cart; null: an
   * assisted order). Another caller's keys are never looked at.
   */
  async replay(ctx: RequestContext, input: { idempotencyKey: string; cartId?: string | null }): Promise<PlacedOrder | null> {
    const em = this.tx.manager;
    const [order]: OrderEntity[] = await em.query(
      `SELECT ${entityColumns(em, OrderEntity)} FROM customer_order WHERE idempotency_scope = $1 AND idempotency_key = $2`,
      [idempotencyScope(ctx.caller, input.cartId ?? null), input.idempotencyKey],
    );
    if (!order) return null;
    if (order.cartId !== (input.cartId ?? null)) {
      throw new BusinessError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used for another cart', ['idempotencyKey']);
    }
    // Staff who placed it get their answer even when the order involves no store of theirs.
    const placedByCaller = ctx.caller.kind === 'staff' && order.placedByStaffId === ctx.caller.staffId;
    if (!placedByCaller) this.access.assertMayRead(ctx, order, await this.access.locationsOf(order.id));
    return { order, pickupCodes: await this.writer.openCodes(order.id) };
  }

  private async place(ctx: RequestContext, input: CheckoutInput, lastAttempt: boolean): Promise<PlacedOrder> {
    const view = await this.lockedCart(ctx, input);
    if (!Array.isArray(view)) return view;
    const [cart] = view;
    const contact = await this.contactFor(ctx.caller, cart.cart.customerId, input.contact);
    const staff = ctx.caller.kind === 'staff' ? ctx.caller : null;
    // Credited to no store: staff may check out any cart, from anywhere. A sale counts for a store only as an
    // assisted order, placed at the store the staff member acts at.
    const placed = await this.placeOrder(
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

  /**
   * Places an order for the lines of `cart` (a real cart, or one made up in memory for an assisted order),
   * in the caller's transaction.
   */
  async placeOrder(
    ctx: RequestContext,
    cart: CartView,
    o: Omit<NewOrder, 'priced' | 'channel' | 'customerId' | 'idempotencyScope'>,
    lastAttempt: boolean,
  ): Promise<PlacedOrder> {
    const { contact } = o;
    if (cart.lines.some((l) => l.fulfillmentType === FulfillmentType.DELIVERY) && !o.address) {
      throw new BusinessError(ErrorCode.ADDRESS_REQUIRED, 'A delivered line needs a shipping address', ['shippingAddress']);
    }
    const priced = await this.pricing.price({ loaders: new Map() }, cart, ctx.channel);
    // The price shown is the price charged: a code that stopped applying refuses the checkout rather than vanish.
    const stale = priced.discounts.findIndex((d) => d.refusal);
    if (stale >= 0) {
      const r = priced.discounts[stale].refusal!;
      throw new BusinessError(r.code, `${r.message}; remove it from the cart to check out`, ['discountCodes', String(stale)]);
    }
    const used = priced.discounts;
    const usedUp = await this.promotions.redeem(used.map((d) => d.promotion.id));
    if (usedUp.length) {
      const code = used.find((d) => d.promotion.id === usedUp[0])!.promotion.code;
      throw new BusinessError(ErrorCode.DISCOUNT_USED_UP, `${code} has just been used up`, ['cartId']);
    }
    const plan = await this.planFulfillments(priced);
    const placed = await this.writer.write(
      { ...o, idempotencyScope: idempotencyScope(ctx.caller, o.cartId), customerId: cart.cart.customerId, channel: ctx.channel, priced },
      plan,
    );
    await this.hold(placed.order, plan, priced, lastAttempt);
    this.orderEvents.changed(placed.order.id, placed.fulfillments);
    await this.outbox.enqueue({
      orderId: placed.order.id,
      template: NotificationTemplate.ORDER_CONFIRMED,
      to: { email: contact.email, phone: contact.phone },
      payload: { orderNumber: placed.order.number, total: `${(priced.total / 100).toFixed(2)} ${priced.currency}` },
    });
    return { order: placed.order, pickupCodes: placed.pickupCodes };
  }

  /** Locks the cart. An already ordered cart answers with its order when the key matches (a retry that waited). */
  private async lockedCart(ctx: RequestContext, input: CheckoutInput): Promise<[CartView] | PlacedOrder> {
    const view = await this.carts.view(input.cartId, { lock: true });
    if (!view) throw notFound('Cart');
    assertMayUseCart(ctx.caller, view.cart);
    if (view.cart.status === CartStatus.ORDERED) {
      const placed = await this.replay(ctx, input);
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

  /**
   * Pickup lines come from the pickup store's own shelf when it has them (PICKUP); the rest are sent
   * there from elsewhere (SHIP_TO_STORE). Delivered lines come from wherever the strategy says.
   */
  private async planFulfillments(priced: PricedCart): Promise<PlannedFulfillment[]> {
    const groups = new Map<string, PlannedFulfillment>();
    const put = (type: FulfillmentType, source: string, pickup: string | null, index: number) => {
      const key = `${type}/${source}/${pickup ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { type, sourceLocationId: source, pickupLocationId: pickup, lineIndexes: [] }));
      g.lineIndexes.push(index);
    };
    const candidates = await this.sourcing.candidates(priced.lines.map((l) => l.line.variantId));
    const stockAt = (loc: string, variantId: string) => candidates.find((c) => c.locationId === loc)?.available.get(variantId) ?? 0;
    // What one group is planned to take is no longer there for the next group.
    const take = (loc: string, i: number) => {
      const c = candidates.find((x) => x.locationId === loc);
      const { variantId, quantity } = priced.lines[i].line;
      c?.available.set(variantId, (c.available.get(variantId) ?? 0) - quantity);
    };
    const byStore = new Map<string | null, number[]>();
    for (const [i, l] of priced.lines.entries()) {
      const store = l.line.fulfillmentType === FulfillmentType.PICKUP ? l.line.locationId : null;
      byStore.set(store, [...(byStore.get(store) ?? []), i]);
    }
    for (const [store, indexes] of byStore) {
      let rest = indexes;
      if (store) {
        const here = indexes.filter((i) => stockAt(store, priced.lines[i].line.variantId) >= this.sameVariant(priced, indexes, i));
        here.forEach((i) => {
          put(FulfillmentType.PICKUP, store, store, i);
          take(store, i);
        });
        rest = indexes.filter((i) => !here.includes(i));
      }
      if (!rest.length) continue;
      const location = store ? await this.locations.find(store) : null;
      const lines = rest.map((i) => ({
        key: String(i),
        variantId: priced.lines[i].line.variantId,
        quantity: priced.lines[i].line.quantity,
      }));
      const plan = this.sourcing.strategy.plan({
        lines,
        candidates,
        destination: location && { lat: location.lat, lng: location.lng },
        exclude: store ?? undefined,
      });
      if (plan.unfilled.length) throw outOfStock(priced, Number(plan.unfilled[0]));
      for (const [key, source] of plan.sources) {
        put(store ? FulfillmentType.SHIP_TO_STORE : FulfillmentType.DELIVERY, source, store, Number(key));
        take(source, Number(key));
      }
    }
    return [...groups.values()];
  }

  /** Units of line i's variant that the same pickup store must hold for all lines of that variant. */
  private sameVariant(priced: PricedCart, indexes: number[], i: number): number {
    const v = priced.lines[i].line.variantId;
    return indexes.filter((j) => priced.lines[j].line.variantId === v).reduce((n, j) => n + priced.lines[j].line.quantity, 0);
  }

  /** Holds every line at its source, in (location, variant) order so concurrent checkouts lock rows alike. */
  private async hold(order: OrderEntity, plan: PlannedFulfillment[], priced: PricedCart, lastAttempt: boolean): Promise<void> {
    const holds = plan
      .flatMap((f) =>
        f.lineIndexes.map((i) => ({
          i,
          location: f.sourceLocationId,
          variantId: priced.lines[i].line.variantId,
          quantity: priced.lines[i].line.quantity,
        })),
      )
      .sort((a, b) => a.location.localeCompare(b.location) || a.variantId.localeCompare(b.variantId));
    for (const h of holds) {
      const held = await this.ledger.reserve(h.location, h.variantId, h.quantity, {
        type: StockMovementType.RESERVATION,
        reference: order.number,
        reason: 'checkout',
      });
      if (!held) throw lastAttempt ? outOfStock(priced, h.i) : new StockMoved();
    }
  }
}

function outOfStock(priced: PricedCart, i: number): BusinessError {
  const l = priced.lines[i];
  return new BusinessError(ErrorCode.OUT_OF_STOCK, `${l.variant.sku}: not enough stock to hold ${l.line.quantity}`, ['lines', String(i)]);
}
