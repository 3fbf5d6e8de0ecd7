var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import {} from '../../../auth/src/index.js';
import { assertMayUseCart, CartPricingService, CartsService, CartStatus, FulfillmentType } from '../../../cart/src/index.js';
import { BusinessError, entityColumns, ErrorCode, notFound, pgCode, pgConstraint, PG_UNIQUE_VIOLATION, TransactionHost } from '../../../common/src/index.js';
import { CustomersService } from '../../../customers/src/index.js';
import { StockLedger, StockMovementType } from '../../../inventory/src/index.js';
import { LocationsService } from '../../../locations/src/index.js';
import { NotificationOutbox, NotificationTemplate } from '../../../notifications/src/index.js';
import { PromotionsService } from '../../../promotions/src/index.js';
import { OrderEntity } from '../entities/order.entity.js';
import { SourcingService } from '../sourcing/sourcing.service.js';
import { OrderAccess } from './order-access.service.js';
import { OrderEvents } from './order-events.js';
import { OrderWriter } from './order-writer.service.js';
const ATTEMPTS = 3;
/** A reservation lost a race between planning and holding: plan again with fresh numbers. */
export class StockMoved extends Error {
}
/**
 * Turns a cart into an order, all or nothing, in one transaction: price the cart, count the codes' uses,
 * choose a source for each line, hold the stock (guarded UPDATEs in a fixed order, so concurrent checkouts
 * neither oversell nor deadlock), write the order, close the cart, and queue the confirmation. A refusal
 * rolls everything back. The cart row lock makes concurrent retries of one checkout wait for the first.
 */
let CheckoutService = class CheckoutService {
    tx;
    carts;
    pricing;
    customers;
    promotions;
    sourcing;
    locations;
    ledger;
    writer;
    outbox;
    access;
    orderEvents;
    constructor(tx, carts, pricing, customers, promotions, sourcing, locations, ledger, writer, outbox, access, orderEvents) {
        this.tx = tx;
        this.carts = carts;
        this.pricing = pricing;
        this.customers = customers;
        this.promotions = promotions;
        this.sourcing = sourcing;
        this.locations = locations;
        this.ledger = ledger;
        this.writer = writer;
        this.outbox = outbox;
        this.access = access;
        this.orderEvents = orderEvents;
    }
    checkout(ctx, input) {
        return this.withRetries(ctx, input, (last) => this.place(ctx, input, last));
    }
    /**
     * Runs one placement in its own transaction: first answers a key already used, retries a placement whose
     * holds lost a race, and answers a key that a parallel call committed first with that call's order.
     */
    async withRetries(ctx, key, place) {
        const earlier = await this.replay(ctx, key);
        if (earlier)
            return earlier;
        for (let attempt = 1;; attempt++) {
            try {
                return await this.tx.run(() => place(attempt === ATTEMPTS));
            }
            catch (err) {
                if (err instanceof StockMoved && attempt < ATTEMPTS)
                    continue;
                if (pgCode(err) === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'UQ_order_idempotency_key') {
                    const placed = await this.replay(ctx, key);
                    if (placed)
                        return placed;
                }
                throw err;
            }
        }
    }
    /** The order an earlier call with this key made, if any (only for the same cart; null: an assisted order). */
    async replay(ctx, input) {
        const em = this.tx.manager;
        const [order] = await em.query(`SELECT ${entityColumns(em, OrderEntity)} FROM customer_order WHERE idempotency_key = $1`, [input.idempotencyKey]);
        if (!order)
            return null;
        if (order.cartId !== (input.cartId ?? null)) {
            throw new BusinessError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used for another cart', ['idempotencyKey']);
        }
        this.access.assertMayRead(ctx, order, await this.access.locationsOf(order.id));
        return { order, pickupCodes: await this.writer.openCodes(order.id) };
    }
    async place(ctx, input, lastAttempt) {
        const view = await this.lockedCart(ctx, input);
        if (!Array.isArray(view))
            return view;
        const [cart] = view;
        const contact = await this.contactFor(cart.cart.customerId, input.contact);
        const staff = ctx.caller.kind === 'staff' ? ctx.caller : null;
        const placed = await this.placeOrder(ctx, cart, {
            idempotencyKey: input.idempotencyKey, cartId: cart.cart.id, contact, address: input.shippingAddress ?? null,
            attributedLocationId: staff?.locationId ?? null, placedByStaffId: staff?.staffId ?? null,
        }, lastAttempt);
        await this.tx.manager.query(`UPDATE cart SET status = $2, updated_at = now() WHERE id = $1`, [cart.cart.id, CartStatus.ORDERED]);
        return placed;
    }
    /**
     * Places an order for the lines of `cart` (a real cart, or one made up in memory for an assisted order),
     * in the caller's transaction.
     */
    async placeOrder(ctx, cart, o, lastAttempt) {
        const { contact } = o;
        if (cart.lines.some((l) => l.fulfillmentType === FulfillmentType.DELIVERY) && !o.address) {
            throw new BusinessError(ErrorCode.ADDRESS_REQUIRED, 'A delivered line needs a shipping address', ['shippingAddress']);
        }
        const priced = await this.pricing.price({ loaders: new Map() }, cart, ctx.channel);
        // The price shown is the price charged: a code that stopped applying refuses the checkout rather than vanish.
        const stale = priced.discounts.findIndex((d) => d.refusal);
        if (stale >= 0) {
            const r = priced.discounts[stale].refusal;
            throw new BusinessError(r.code, `${r.message}; remove it from the cart to check out`, ['discountCodes', String(stale)]);
        }
        const used = priced.discounts;
        const usedUp = await this.promotions.redeem(used.map((d) => d.promotion.id));
        if (usedUp.length) {
            const code = used.find((d) => d.promotion.id === usedUp[0]).promotion.code;
            throw new BusinessError(ErrorCode.DISCOUNT_USED_UP, `${code} has just been used up`, ['cartId']);
        }
        const plan = await this.planFulfillments(priced);
        const placed = await this.writer.write({ ...o, customerId: cart.cart.customerId, channel: ctx.channel, priced }, plan);
        await this.hold(placed.order, plan, priced, lastAttempt);
        this.orderEvents.changed(placed.order.id, placed.fulfillments);
        await this.outbox.enqueue({
            orderId: placed.order.id, template: NotificationTemplate.ORDER_CONFIRMED, to: { email: contact.email, phone: contact.phone },
            payload: { orderNumber: placed.order.number, total: `${(priced.total / 100).toFixed(2)} ${priced.currency}` },
        });
        return { order: placed.order, pickupCodes: placed.pickupCodes };
    }
    /** Locks the cart. An already ordered cart answers with its order when the key matches (a retry that waited). */
    async lockedCart(ctx, input) {
        const view = await this.carts.view(input.cartId, { lock: true });
        if (!view)
            throw notFound('Cart');
        assertMayUseCart(ctx.caller, view.cart);
        if (view.cart.status === CartStatus.ORDERED) {
            const placed = await this.replay(ctx, input);
            if (placed)
                return placed;
        }
        if (view.cart.status !== CartStatus.ACTIVE)
            throw new BusinessError(ErrorCode.CART_NOT_ACTIVE, `This cart is ${view.cart.status.toLowerCase()}`, ['cartId']);
        if (!view.lines.length)
            throw new BusinessError(ErrorCode.EMPTY_CART, 'The cart is empty', ['cartId']);
        return [view];
    }
    /** Who hears about the order: the given contact, else the customer's account. */
    async contactFor(customerId, given) {
        const customer = customerId ? await this.customers.find(customerId) : null;
        const email = given?.email ?? customer?.email;
        if (!email)
            throw new BusinessError(ErrorCode.CONTACT_REQUIRED, 'An order needs a contact email', ['contact', 'email']);
        return { email, phone: given?.phone ?? customer?.phone ?? null, name: given?.name ?? customer?.name ?? null };
    }
    /**
     * Pickup lines come from the pickup store's own shelf when it has them (PICKUP); the rest are sent
     * there from elsewhere (SHIP_TO_STORE). Delivered lines come from wherever the strategy says.
     */
    async planFulfillments(priced) {
        const groups = new Map();
        const put = (type, source, pickup, index) => {
            const key = `${type}/${source}/${pickup ?? ''}`;
            let g = groups.get(key);
            if (!g)
                groups.set(key, (g = { type, sourceLocationId: source, pickupLocationId: pickup, lineIndexes: [] }));
            g.lineIndexes.push(index);
        };
        const candidates = await this.sourcing.candidates(priced.lines.map((l) => l.line.variantId));
        const stockAt = (loc, variantId) => candidates.find((c) => c.locationId === loc)?.available.get(variantId) ?? 0;
        // What one group is planned to take is no longer there for the next group.
        const take = (loc, i) => {
            const c = candidates.find((x) => x.locationId === loc);
            const { variantId, quantity } = priced.lines[i].line;
            c?.available.set(variantId, (c.available.get(variantId) ?? 0) - quantity);
        };
        const byStore = new Map();
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
            if (!rest.length)
                continue;
            const location = store ? await this.locations.find(store) : null;
            const lines = rest.map((i) => ({ key: String(i), variantId: priced.lines[i].line.variantId, quantity: priced.lines[i].line.quantity }));
            const plan = this.sourcing.strategy.plan({ lines, candidates, destination: location && { lat: location.lat, lng: location.lng }, exclude: store ?? undefined });
            if (plan.unfilled.length)
                throw outOfStock(priced, Number(plan.unfilled[0]));
            for (const [key, source] of plan.sources) {
                put(store ? FulfillmentType.SHIP_TO_STORE : FulfillmentType.DELIVERY, source, store, Number(key));
                take(source, Number(key));
            }
        }
        return [...groups.values()];
    }
    /** Units of line i's variant that the same pickup store must hold for all lines of that variant. */
    sameVariant(priced, indexes, i) {
        const v = priced.lines[i].line.variantId;
        return indexes.filter((j) => priced.lines[j].line.variantId === v).reduce((n, j) => n + priced.lines[j].line.quantity, 0);
    }
    /** Holds every line at its source, in (location, variant) order so concurrent checkouts lock rows alike. */
    async hold(order, plan, priced, lastAttempt) {
        const holds = plan.flatMap((f) => f.lineIndexes.map((i) => ({ i, location: f.sourceLocationId, variantId: priced.lines[i].line.variantId, quantity: priced.lines[i].line.quantity })))
            .sort((a, b) => a.location.localeCompare(b.location) || a.variantId.localeCompare(b.variantId));
        for (const h of holds) {
            const held = await this.ledger.reserve(h.location, h.variantId, h.quantity, { type: StockMovementType.RESERVATION, reference: order.number, reason: 'checkout' });
            if (!held)
                throw lastAttempt ? outOfStock(priced, h.i) : new StockMoved();
        }
    }
};
CheckoutService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        CartsService,
        CartPricingService,
        CustomersService,
        PromotionsService,
        SourcingService,
        LocationsService,
        StockLedger,
        OrderWriter,
        NotificationOutbox,
        OrderAccess,
        OrderEvents])
], CheckoutService);
export { CheckoutService };
function outOfStock(priced, i) {
    const l = priced.lines[i];
    return new BusinessError(ErrorCode.OUT_OF_STOCK, `${l.variant.sku}: not enough stock to hold ${l.line.quantity}`, ['lines', String(i)]);
}
//# sourceMappingURL=checkout.service.js.map