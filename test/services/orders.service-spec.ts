import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { StaffCaller } from '@app/auth';
import { CartsService } from '@app/cart';
import { BusinessError, Clock, ErrorCode, FulfillmentType } from '@app/common';
import { StockLedger, StockMovementType } from '@app/inventory';
import {
  CheckoutService,
  ExpirySweep,
  FulfillmentAction as A,
  FulfillmentStatus as S,
  FulfillmentTransitions,
  OrdersModule,
  type PlacedOrder,
} from '@app/orders';
import { moveClock } from '../support/clock.js';
import { contextOf, Fixtures, type Services, startServices } from '../support/service-module.js';

const ADDRESS = { line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' };
const CONTACT = { email: 'shopper@test.example' };

type Line = { variantId: string; quantity: number; pickupAt?: string };

/** Checkout and fulfilment transitions, called directly on the real database (no HTTP). */
describe('orders (service tier)', () => {
  let s: Services;
  let fx: Fixtures;
  let checkout: CheckoutService;
  let transitions: FulfillmentTransitions;
  let sweep: ExpirySweep;
  let ledger: StockLedger;
  let store: string;
  let warehouse: string;
  let admin: StaffCaller;
  let keys = 0;

  beforeAll(async () => {
    s = await startServices([OrdersModule]);
    fx = new Fixtures(s.db);
    checkout = s.get(CheckoutService);
    transitions = s.get(FulfillmentTransitions);
    sweep = s.get(ExpirySweep);
    ledger = s.get(StockLedger);
    store = await fx.location('STORE');
    warehouse = await fx.location('WAREHOUSE');
    admin = await fx.staff();
  });
  afterAll(() => s?.close());

  const receive = (location: string, variantId: string, n: number) =>
    ledger.adjustOnHand(location, variantId, n, { type: StockMovementType.ADJUSTMENT });

  const cartWith = async (lines: Line[]): Promise<string> => {
    const carts = s.get(CartsService);
    const ctx = contextOf();
    const { cart } = await carts.create(ctx);
    await carts.addLines(
      ctx,
      cart.id,
      lines.map((l) => ({
        variantId: l.variantId,
        quantity: l.quantity,
        fulfillment: l.pickupAt ? { type: FulfillmentType.PICKUP, locationId: l.pickupAt } : { type: FulfillmentType.DELIVERY },
      })),
    );
    return cart.id;
  };

  const place = async (lines: Line[]): Promise<PlacedOrder> =>
    checkout.checkout(contextOf(), {
      cartId: await cartWith(lines),
      idempotencyKey: `key-${++keys}`,
      contact: CONTACT,
      shippingAddress: lines.some((l) => !l.pickupAt) ? ADDRESS : undefined,
    });

  const refusal = async (p: Promise<unknown>): Promise<string | undefined> => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BusinessError);
    return (err as BusinessError).code;
  };

  const fulfillments = async (orderId: string): Promise<{ id: string; type: string; status: string; source: string }[]> =>
    s.db.query(`SELECT id, type, status, source_location_id AS source FROM fulfillment WHERE order_id = $1 ORDER BY id`, [orderId]);
  const ordersOfCart = async (cartId: string): Promise<number> =>
    (await s.db.query(`SELECT count(*)::int AS n FROM customer_order WHERE cart_id = $1`, [cartId]))[0].n;

  describe('checkout', () => {
    it('places the order, holds every line at its source and closes the cart', async () => {
      const a = await fx.variant();
      const b = await fx.variant();
      await receive(store, a.id, 5);
      await receive(warehouse, b.id, 5);
      const placed = await place([
        { variantId: a.id, quantity: 2, pickupAt: store },
        { variantId: b.id, quantity: 1 },
      ]);
      expect(placed.order.status).toBe('PLACED');
      expect((await fulfillments(placed.order.id)).map((f) => [f.type, f.status, f.source]).sort()).toEqual(
        [
          ['DELIVERY', 'ALLOCATED', warehouse],
          ['PICKUP', 'ALLOCATED', store],
        ].sort(),
      );
      expect(placed.pickupCodes.size).toBe(1);
      expect(await fx.level(store, a.id)).toEqual({ onHand: 5, reserved: 2 });
      expect(await fx.level(warehouse, b.id)).toEqual({ onHand: 5, reserved: 1 });
      const [{ status }] = await s.db.query(`SELECT status FROM cart WHERE id = $1`, [placed.order.cartId]);
      expect(status).toBe('ORDERED');
    });

    it('all or nothing: a line without stock leaves no order, no reservation, the cart open', async () => {
      const a = await fx.variant();
      const b = await fx.variant();
      await receive(store, a.id, 5);
      await receive(store, b.id, 1);
      const cartId = await cartWith([
        { variantId: a.id, quantity: 2, pickupAt: store },
        { variantId: b.id, quantity: 2, pickupAt: store },
      ]);
      expect(await refusal(checkout.checkout(contextOf(), { cartId, idempotencyKey: 'short', contact: CONTACT }))).toBe(
        ErrorCode.OUT_OF_STOCK,
      );
      expect(await ordersOfCart(cartId)).toBe(0);
      expect(await fx.level(store, a.id)).toEqual({ onHand: 5, reserved: 0 });
      expect((await fx.movements(a.id)).map((m) => m.type)).toEqual(['ADJUSTMENT']);
      const [{ status }] = await s.db.query(`SELECT status FROM cart WHERE id = $1`, [cartId]);
      expect(status).toBe('ACTIVE');
    });

    it('all or nothing: a hold refused after an earlier line was held rolls that hold back too', async () => {
      // Holds are taken in (location, variant) order: a is the one held first, b the one refused.
      const [a, b] = [await fx.variant(), await fx.variant()].sort((x, y) => x.id.localeCompare(y.id));
      await receive(store, a.id, 5);
      await receive(store, b.id, 5);
      const cartId = await cartWith([
        { variantId: a.id, quantity: 2, pickupAt: store },
        { variantId: b.id, quantity: 1, pickupAt: store },
      ]);
      // The plan sees stock for both; the hold of b loses a race every time (as if another checkout took it).
      const reserve = ledger.reserve.bind(ledger);
      const spy = jest
        .spyOn(ledger, 'reserve')
        .mockImplementation(async (loc, variantId, q, meta) => (variantId === b.id ? false : reserve(loc, variantId, q, meta)));
      try {
        expect(await refusal(checkout.checkout(contextOf(), { cartId, idempotencyKey: 'raced', contact: CONTACT }))).toBe(
          ErrorCode.OUT_OF_STOCK,
        );
        expect(spy.mock.calls.filter(([, v]) => v === a.id).length).toBe(3); // a was held on each of the 3 attempts
      } finally {
        spy.mockRestore();
      }
      expect(await ordersOfCart(cartId)).toBe(0);
      expect(await fx.level(store, a.id)).toEqual({ onHand: 5, reserved: 0 });
      expect((await fx.movements(a.id)).map((m) => m.type)).toEqual(['ADJUSTMENT']);
    });

    it('concurrent checkouts for the last unit: exactly one order', async () => {
      const a = await fx.variant();
      await receive(store, a.id, 1);
      const carts = await Promise.all([1, 2, 3, 4].map(() => cartWith([{ variantId: a.id, quantity: 1, pickupAt: store }])));
      const results = await Promise.allSettled(
        carts.map((cartId, i) => checkout.checkout(contextOf(), { cartId, idempotencyKey: `last-${i}`, contact: CONTACT })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as BusinessError).code).toBe(ErrorCode.OUT_OF_STOCK);
      expect(await fx.level(store, a.id)).toEqual({ onHand: 1, reserved: 1 });
    });
  });

  describe('fulfilment transitions', () => {
    const staff = () => contextOf(admin);

    it('pickup: ready then collected against its code; the stock leaves the store; other moves refused', async () => {
      const a = await fx.variant();
      await receive(store, a.id, 3);
      const placed = await place([{ variantId: a.id, quantity: 2, pickupAt: store }]);
      const [f] = await fulfillments(placed.order.id);
      expect(await refusal(transitions.act(staff(), f.id, A.SHIP))).toBe(ErrorCode.INVALID_STATE);
      expect(await refusal(transitions.collect(staff(), f.id, placed.pickupCodes.get(f.id)!))).toBe(ErrorCode.INVALID_STATE);
      const ready = await transitions.act(staff(), f.id, A.MARK_READY);
      expect(ready.status).toBe(S.READY_FOR_PICKUP);
      expect(ready.expiresAt).not.toBeNull();
      expect(await fx.level(store, a.id)).toEqual({ onHand: 3, reserved: 2 }); // still held, now on the shelf for them
      expect(await refusal(transitions.act(staff(), f.id, A.MARK_READY))).toBe(ErrorCode.INVALID_STATE);
      expect(await refusal(transitions.collect(staff(), f.id, 'WRONG1'))).toBe(ErrorCode.INVALID_PICKUP_CODE);
      const collected = await transitions.collect(staff(), f.id, placed.pickupCodes.get(f.id)!);
      expect(collected.status).toBe(S.COLLECTED);
      expect(await fx.level(store, a.id)).toEqual({ onHand: 1, reserved: 0 });
      expect(await refusal(transitions.cancelOrder(staff(), placed.order.id))).toBe(ErrorCode.INVALID_STATE);
      const [{ status }] = await s.db.query(`SELECT status FROM customer_order WHERE id = $1`, [placed.order.id]);
      expect(status).toBe('COMPLETED');
    });

    it('delivery: shipped takes the units off the source, delivered closes it; cancelling after shipping is refused', async () => {
      const a = await fx.variant();
      await receive(warehouse, a.id, 4);
      const placed = await place([{ variantId: a.id, quantity: 3 }]);
      const [f] = await fulfillments(placed.order.id);
      expect(await refusal(transitions.act(staff(), f.id, A.MARK_DELIVERED))).toBe(ErrorCode.INVALID_STATE);
      expect((await transitions.act(staff(), f.id, A.SHIP)).status).toBe(S.SHIPPED);
      expect(await fx.level(warehouse, a.id)).toEqual({ onHand: 1, reserved: 0 });
      expect(await refusal(transitions.cancelOrder(staff(), placed.order.id))).toBe(ErrorCode.INVALID_STATE);
      expect((await transitions.act(staff(), f.id, A.MARK_DELIVERED)).status).toBe(S.DELIVERED);
      expect((await fx.movements(a.id)).map((m) => [m.type, m.onHand, m.reserved])).toEqual([
        ['ADJUSTMENT', 4, 0],
        ['RESERVATION', 0, 3],
        ['SHIPMENT', -3, -3],
      ]);
    });

    it('cancelling releases what every open fulfilment held, all at once', async () => {
      const a = await fx.variant();
      const b = await fx.variant();
      await receive(store, a.id, 2);
      await receive(warehouse, b.id, 2);
      const placed = await place([
        { variantId: a.id, quantity: 2, pickupAt: store },
        { variantId: b.id, quantity: 2 },
      ]);
      const cancelled = await transitions.cancelOrder(staff(), placed.order.id);
      expect(cancelled.status).toBe('CANCELLED');
      expect((await fulfillments(placed.order.id)).map((f) => f.status)).toEqual([S.CANCELLED, S.CANCELLED]);
      expect(await fx.level(store, a.id)).toEqual({ onHand: 2, reserved: 0 });
      expect(await fx.level(warehouse, b.id)).toEqual({ onHand: 2, reserved: 0 });
      expect(await refusal(transitions.cancelOrder(staff(), placed.order.id))).toBe(ErrorCode.INVALID_STATE);
    });

    it('a ready pickup past its hold expires (moving the clock, not waiting) and its stock goes back on sale', async () => {
      const a = await fx.variant();
      const shortHold = await fx.location('STORE', { pickupHoldSeconds: 3600 });
      await receive(shortHold, a.id, 2);
      const placed = await place([{ variantId: a.id, quantity: 1, pickupAt: shortHold }]);
      const [f] = await fulfillments(placed.order.id);
      const clock = moveClock(s);
      try {
        await transitions.act(staff(), f.id, A.MARK_READY);
        clock.advance(3599_000);
        expect(await transitions.expire(f.id)).toBe(false); // not due yet
        expect(await sweep.run()).toBe(0);
        clock.advance(2_000);
        expect(await sweep.run()).toBe(1);
        expect((await fulfillments(placed.order.id))[0].status).toBe(S.EXPIRED);
        expect(await fx.level(shortHold, a.id)).toEqual({ onHand: 2, reserved: 0 });
        expect(await transitions.expire(f.id)).toBe(false); // a second sweep finds nothing to do
        expect(await sweep.run()).toBe(0);
      } finally {
        clock.restore();
      }
    });

    it("a sweeper whose host clock runs ahead of the database's does not end a hold early", async () => {
      const a = await fx.variant();
      const shortHold = await fx.location('STORE', { pickupHoldSeconds: 3600 });
      await receive(shortHold, a.id, 1);
      const placed = await place([{ variantId: a.id, quantity: 1, pickupAt: shortHold }]);
      const [f] = await fulfillments(placed.order.id);
      await transitions.act(staff(), f.id, A.MARK_READY);
      // This process's clock two hours ahead, as a worker on a host whose system clock is wrong: no test offset.
      const clock = s.get(Clock);
      const ahead = jest.spyOn(clock, 'now').mockImplementation(() => Date.now() + 7_200_000);
      const noOffset = jest.spyOn(clock, 'offsetMs').mockReturnValue(0);
      try {
        expect(await sweep.run()).toBe(0);
        expect((await fulfillments(placed.order.id))[0].status).toBe(S.READY_FOR_PICKUP);
        expect(await fx.level(shortHold, a.id)).toEqual({ onHand: 1, reserved: 1 });
      } finally {
        ahead.mockRestore();
        noOffset.mockRestore();
      }
    });

    it('collecting a pickup past its hold expires it instead (PICKUP_EXPIRED), even before the sweep ran', async () => {
      const a = await fx.variant();
      await receive(store, a.id, 1);
      const placed = await place([{ variantId: a.id, quantity: 1, pickupAt: store }]);
      const [f] = await fulfillments(placed.order.id);
      const clock = moveClock(s);
      try {
        await transitions.act(staff(), f.id, A.MARK_READY);
        clock.advance(172_800_000 + 1000); // the default hold, 48 h
        expect(await refusal(transitions.collect(staff(), f.id, placed.pickupCodes.get(f.id)!))).toBe(ErrorCode.PICKUP_EXPIRED);
        expect((await fulfillments(placed.order.id))[0].status).toBe(S.EXPIRED);
        expect(await fx.level(store, a.id)).toEqual({ onHand: 1, reserved: 0 });
      } finally {
        clock.restore();
      }
    });
  });
});
