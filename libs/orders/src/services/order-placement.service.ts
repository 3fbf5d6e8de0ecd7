import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@app/auth';
import { CartPricingService, type CartView, type PricedCart } from '@app/cart';
import { forSale } from '@app/catalogue';
import { BusinessError, ErrorCode, FulfillmentType } from '@app/common';
import { StockLedger, StockMovementType } from '@app/inventory';
import { NotificationOutbox, NotificationTemplate } from '@app/notifications';
import { PromotionsService } from '@app/promotions';
import type { OrderEntity } from '../entities/order.entity.js';
import { FulfilmentCapacity } from '../sourcing/fulfilment-capacity.service.js';
import { type PlannedFulfillment, SourcingService } from '../sourcing/sourcing.service.js';
import { idempotencyScope } from './idempotency-scope.js';
import { OrderEvents } from './order-events.js';
import { type NewOrder, OrderWriter } from './order-writer.service.js';

/** How the order is paid for, told of the price before anything is written and of the order once it is. */
export interface PlacementPayment {
  /** Throws to refuse the placement (the total is not what was authorised). */
  checkPriced(priced: PricedCart): void;
  /** In the placement's transaction, once the order and its holds are written. */
  placed(orderId: string, priced: PricedCart): Promise<void>;
}

/** A reservation lost a race between planning and holding: plan again with fresh numbers. */
export class StockMoved extends Error {}

export interface PlacedOrder {
  order: OrderEntity;
  /** Plain pickup codes by fulfilment id, to show the customer who placed the order (this once). */
  pickupCodes: Map<string, string>;
}

/**
 * Places an order for a cart's lines, in the caller's transaction: price the cart, count the codes' uses,
 * plan a source for each line (SourcingService.plan), write the order, hold the stock (guarded UPDATEs in a
 * fixed order, so concurrent checkouts neither oversell nor deadlock) and queue the confirmation. A refusal
 * throws, and the caller's transaction rolls everything back.
 */
@Injectable()
export class OrderPlacement {
  constructor(
    private readonly pricing: CartPricingService,
    private readonly promotions: PromotionsService,
    private readonly sourcing: SourcingService,
    private readonly writer: OrderWriter,
    private readonly ledger: StockLedger,
    private readonly outbox: NotificationOutbox,
    private readonly orderEvents: OrderEvents,
    private readonly capacity: FulfilmentCapacity,
  ) {}

  /** The lines of `cart`: a real cart, or one made up in memory for an assisted order. */
  async place(
    ctx: RequestContext,
    cart: CartView,
    o: Omit<NewOrder, 'priced' | 'channel' | 'customerId' | 'idempotencyScope'> & { free?: boolean },
    lastAttempt: boolean,
    payment?: PlacementPayment,
  ): Promise<PlacedOrder> {
    const { contact } = o;
    if (cart.lines.some((l) => l.fulfillmentType === FulfillmentType.DELIVERY) && !o.address) {
      throw new BusinessError(ErrorCode.ADDRESS_REQUIRED, 'A delivered line needs a shipping address', ['shippingAddress']);
    }
    const quoted = await this.quote(ctx, cart);
    // An exchange: the units were paid for by those that came back, so the order costs nothing.
    const priced = o.free
      ? {
          ...quoted,
          lines: quoted.lines.map((l) => ({ ...l, unitPrice: 0, subtotal: 0 })),
          subtotal: 0,
          discount: 0,
          total: 0,
          discounts: [],
        }
      : quoted;
    payment?.checkPriced(priced);
    const used = priced.discounts;
    const usedUp = await this.promotions.redeem(used.map((d) => d.promotion.id));
    if (usedUp.length) {
      const code = used.find((d) => d.promotion.id === usedUp[0])!.promotion.code;
      throw new BusinessError(ErrorCode.DISCOUNT_USED_UP, `${code} has just been used up`, ['cartId']);
    }
    const planned = await this.sourcing.plan(priced.lines.map((l) => l.line));
    if (planned.unfilled !== null) throw outOfStock(priced, planned.unfilled);
    const plan = planned.fulfillments;
    const placed = await this.writer.write(
      { ...o, idempotencyScope: idempotencyScope(ctx.caller, o.cartId), customerId: cart.cart.customerId, channel: ctx.channel, priced },
      plan,
    );
    await this.hold(placed.order, plan, priced, lastAttempt);
    await this.claimCapacity(plan, priced, lastAttempt);
    await this.capacity.recordReasons(
      placed.fulfillments.map((f) => f.id),
      plan.map((f) => f.sourcingReason),
    );
    await payment?.placed(placed.order.id, priced);
    await this.orderEvents.placed(placed.order);
    this.orderEvents.changed(placed.order.id, placed.fulfillments);
    await this.outbox.enqueue({
      orderId: placed.order.id,
      template: NotificationTemplate.ORDER_CONFIRMED,
      to: { email: contact.email, phone: contact.phone },
      payload: { orderNumber: placed.order.number, total: `${(priced.total / 100).toFixed(2)} ${priced.currency}` },
    });
    return { order: placed.order, pickupCodes: placed.pickupCodes };
  }

  /**
   * The cart priced as an order would be, or the refusal an order would meet: a size off sale, a code that
   * stopped applying (the price shown is the price charged: such a code refuses the checkout rather than vanish).
   */
  async quote(ctx: RequestContext, cart: CartView): Promise<PricedCart> {
    const priced = await this.pricing.price({ loaders: new Map() }, cart, ctx.channel);
    const off = priced.lines.findIndex((l) => !forSale(l.variant));
    if (off >= 0) {
      const sku = priced.lines[off].variant.sku;
      throw new BusinessError(ErrorCode.PRODUCT_UNAVAILABLE, `${sku} is no longer sold; remove it from the cart to check out`, [
        'lines',
        String(off),
      ]);
    }
    const stale = priced.discounts.findIndex((d) => d.refusal);
    if (stale >= 0) {
      const r = priced.discounts[stale].refusal!;
      throw new BusinessError(r.code, `${r.message}; remove it from the cart to check out`, ['discountCodes', String(stale)]);
    }
    return priced;
  }

  /**
   * One unit of each delivering source's daily capacity (after the holds, in location order, so concurrent
   * checkouts lock alike). A full day means the plan is stale: plan again (it then skips that location), or
   * refuse on the last attempt.
   */
  private async claimCapacity(plan: PlannedFulfillment[], priced: PricedCart, lastAttempt: boolean): Promise<void> {
    const claims = plan.filter((f) => f.capacity).sort((a, b) => a.sourceLocationId.localeCompare(b.sourceLocationId));
    for (const f of claims) {
      if (await this.capacity.claim(f.sourceLocationId, f.capacity!)) continue;
      if (!lastAttempt) throw new StockMoved();
      const l = priced.lines[f.lineIndexes[0]];
      throw new BusinessError(ErrorCode.OUT_OF_STOCK, `${l.variant.sku}: its only sources have reached today's delivery capacity`, [
        'lines',
        String(f.lineIndexes[0]),
      ]);
    }
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
