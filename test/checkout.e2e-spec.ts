import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, delivery, guestCart, O, pickup, Q, registerShopper, unbalancedLevels } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

/** A fulfilment of a placed order, as the checkout answers read it. */
interface PlacedFulfillment {
  type: string;
  sourceLocation: { id: string };
  pickupLocation: { id: string } | null;
  lines: { variant: { sku: string } }[];
}

describe('checkout: all or nothing, never oversold, idempotent', () => {
  let t: TestApp;
  let admin: string;
  let storeA: { id: string };
  let storeB: { id: string };
  let warehouse: { id: string };
  let staffA: string;
  let v: { id: string; sku: string }[];

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    storeA = await createLocation(t, admin, { shipsOrders: true, geo: { lat: 48.8566, lng: 2.3522 } });
    storeB = await createLocation(t, admin, { shipsOrders: true, geo: { lat: 48.8966, lng: 2.3522 } });
    warehouse = await createLocation(t, admin, { type: 'WAREHOUSE', geo: { lat: 48.73, lng: 2.36 }, pickupHold: undefined });
    staffA = (await createStaff(t, admin, 'ASSOCIATE', storeA.id)).token;
    v = (await createProduct(t, admin, { sizes: ['S', 'M', 'L', 'XL'], price: 5000 })).variants;
  });
  afterAll(() => t?.close());

  const level = async (loc: string, sku: string) => (await t.gql(O.level, { locationId: loc, sku }, { token: admin })).data.stockLevel;
  const cartWith = async (lines: unknown[]) => {
    const cart = await guestCart(t);
    await addLines(t, cart.id, lines);
    return cart.id;
  };
  const checkout = (cartId: string, over: Record<string, unknown> = {}, opts = {}) =>
    t.gql(O.checkout, { input: { cartId, idempotencyKey: randomUUID(), contact: { email: 'guest@test.example' }, ...over } }, opts);

  it('a pickup at a store with the stock is PICKUP from that store; the stock is held there', async () => {
    await adjust(t, admin, storeA.id, v[0].sku, 3);
    const r = await checkout(await cartWith([pickup(v[0].id, storeA.id, 2)]));
    expect(r.data.checkout.userErrors).toEqual([]);
    const o = r.data.checkout.order;
    expect(o).toMatchObject({ status: 'PLACED', channel: 'WEB', total: { amount: 10000, currency: 'EUR' } });
    expect(o.number).toMatch(/^\d{6,}$/);
    expect(o.fulfillments).toEqual([
      expect.objectContaining({
        type: 'PICKUP',
        status: 'ALLOCATED',
        sourceLocation: { id: storeA.id },
        pickupLocation: { id: storeA.id },
      }),
    ]);
    expect(o.fulfillments[0].pickupCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(await level(storeA.id, v[0].sku)).toEqual({ onHand: 3, reserved: 2, available: 1 });
    expect(o.notifications.map((n: { template: string; channel: string }) => [n.template, n.channel])).toEqual([
      ['ORDER_CONFIRMED', 'EMAIL'],
    ]);
  });

  it('a store without the size gets it sent from a warehouse first (SHIP_TO_STORE); delivery comes from stock anywhere', async () => {
    await adjust(t, admin, storeB.id, v[1].sku, 5);
    await adjust(t, admin, warehouse.id, v[1].sku, 5);
    await adjust(t, admin, warehouse.id, v[2].sku, 5);
    const r = await checkout(await cartWith([pickup(v[1].id, storeA.id), delivery(v[2].id)]), { shippingAddress: ADDRESS });
    const fs = r.data.checkout.order.fulfillments.map((f: PlacedFulfillment) => [
      f.type,
      f.sourceLocation.id,
      f.pickupLocation?.id ?? null,
      f.lines.map((l) => l.variant.sku),
    ]);
    expect(fs).toEqual(
      expect.arrayContaining([
        ['SHIP_TO_STORE', warehouse.id, storeA.id, [v[1].sku]],
        ['DELIVERY', warehouse.id, null, [v[2].sku]],
      ]),
    );
    expect(fs).toHaveLength(2);
    expect((await level(warehouse.id, v[1].sku)).reserved).toBe(1);
    expect((await level(storeB.id, v[1].sku)).reserved).toBe(0);
  });

  it('two groups of one variant are sourced from different places when neither can send both', async () => {
    const [x] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
    await adjust(t, admin, warehouse.id, x.sku, 3);
    await adjust(t, admin, storeB.id, x.sku, 5);
    const r = await checkout(await cartWith([pickup(x.id, storeA.id, 2), delivery(x.id, 2)]), { shippingAddress: ADDRESS });
    expect(r.data.checkout.userErrors).toEqual([]);
    const sources = r.data.checkout.order.fulfillments.map((f: PlacedFulfillment) => f.sourceLocation.id).sort();
    expect(sources).toEqual([warehouse.id, storeB.id].sort());
  });

  it('OUT_OF_STOCK names the line and holds nothing, not even the lines that could be held', async () => {
    await adjust(t, admin, storeA.id, v[3].sku, 1);
    const before = await level(storeA.id, v[0].sku);
    const cartId = await cartWith([pickup(v[0].id, storeA.id, 1), pickup(v[3].id, storeA.id, 2)]);
    const r = await checkout(cartId);
    expect(r.data.checkout.order).toBeNull();
    expect(r.data.checkout.userErrors[0]).toMatchObject({ code: 'OUT_OF_STOCK', field: ['lines', '1'] });
    expect(r.data.checkout.userErrors[0].message).toContain(v[3].sku);
    expect(await level(storeA.id, v[0].sku)).toEqual(before);
    expect((await level(storeA.id, v[3].sku)).reserved).toBe(0);
    const cart = await t.gql(Q.cart, { id: cartId });
    expect(cart.data.cart.status).toBe('ACTIVE');
  });

  it('refuses an empty cart, a guest without contact, a delivery without address, and a closed cart', async () => {
    const empty = await guestCart(t);
    expect((await checkout(empty.id)).data.checkout.userErrors[0].code).toBe('EMPTY_CART');
    const cartId = await cartWith([delivery(v[2].id)]);
    expect((await checkout(cartId, { contact: undefined, shippingAddress: ADDRESS })).data.checkout.userErrors[0].code).toBe(
      'CONTACT_REQUIRED',
    );
    expect((await checkout(cartId)).data.checkout.userErrors[0].code).toBe('ADDRESS_REQUIRED');
    expect(codes(await checkout(cartId, { contact: { email: 'nope' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await checkout(cartId, { idempotencyKey: '' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await checkout(randomUUID()))).toEqual(['NOT_FOUND']);
    await checkout(cartId, { shippingAddress: ADDRESS });
    expect((await checkout(cartId, { shippingAddress: ADDRESS })).data.checkout.userErrors[0].code).toBe('CART_NOT_ACTIVE');
  });

  it("the same idempotency key returns the same order, also when retried in parallel; another guest cart's key is its own", async () => {
    await adjust(t, admin, storeB.id, v[0].sku, 10);
    const cartId = await cartWith([pickup(v[0].id, storeB.id, 1)]);
    const key = randomUUID();
    const tries = await Promise.all(Array.from({ length: 6 }, () => checkout(cartId, { idempotencyKey: key })));
    const ids = new Set(tries.map((r) => r.data.checkout.order?.id));
    expect(tries.map((r) => r.data.checkout.userErrors)).toEqual(tries.map(() => []));
    expect(ids.size).toBe(1);
    expect((await level(storeB.id, v[0].sku)).reserved).toBe(1);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM customer_order WHERE idempotency_key = $1`, [key]);
    expect(n).toBe(1);
    // A guest's key is scoped to their cart: another cart with it is another checkout, and learns nothing.
    const other = await checkout(await cartWith([pickup(v[0].id, storeB.id, 1)]), { idempotencyKey: key });
    expect(other.data.checkout.userErrors).toEqual([]);
    expect(ids.has(other.data.checkout.order.id)).toBe(false);
  });

  // Issue 19: a key unique across everyone told caller B that A had used it, and let B claim a predictable key first.
  it("idempotency keys belong to their caller: another caller's same key is theirs to use and tells them nothing", async () => {
    const [u] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
    await adjust(t, admin, storeB.id, u.sku, 20);
    const key = `order-1`; // predictable on purpose
    const clerk = await createStaff(t, admin, 'ASSOCIATE', storeB.id);
    const [ann, ben] = [await registerShopper(t), await registerShopper(t)];
    const customerCart = async (s: { token: string }) => {
      const cart = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
      await addLines(t, cart.id, [pickup(u.id, storeB.id)], { token: s.token });
      return cart.id as string;
    };
    const guestCartId = await cartWith([pickup(u.id, storeB.id)]);
    const otherGuestCartId = await cartWith([pickup(u.id, storeB.id)]);
    const annCart = await customerCart(ann);
    const benCart = await customerCart(ben);
    const staffCart = await cartWith([pickup(u.id, storeB.id)]);
    const guest = await checkout(guestCartId, { idempotencyKey: key }); // claimed first
    const [a, b] = await Promise.all([
      // two customers at once
      t.gql(O.checkout, { input: { cartId: annCart, idempotencyKey: key } }, { token: ann.token }),
      t.gql(O.checkout, { input: { cartId: benCart, idempotencyKey: key } }, { token: ben.token }),
    ]);
    const otherGuest = await checkout(otherGuestCartId, { idempotencyKey: key });
    const staff = await checkout(staffCart, { idempotencyKey: key }, { token: clerk.token });
    const all = [guest, a, b, otherGuest, staff];
    expect(all.map((r) => r.data.checkout.userErrors)).toEqual(all.map(() => []));
    expect(new Set(all.map((r) => r.data.checkout.order.id)).size).toBe(5);
    expect(a.data.checkout.order.notifications.map((n: { recipient: string }) => n.recipient)).toContain(ann.email);
    expect(await level(storeB.id, u.sku)).toMatchObject({ reserved: 5 });
    const rows = await t.db.query(`SELECT idempotency_scope AS scope, cart_id AS "cartId" FROM customer_order WHERE idempotency_key = $1`, [
      key,
    ]);
    expect(rows.map((r: { scope: string; cartId: string }) => [r.scope, r.cartId]).sort()).toEqual(
      [
        [`cart:${guestCartId}`, guestCartId],
        [`cart:${otherGuestCartId}`, otherGuestCartId],
        [`customer:${ann.id}`, annCart],
        [`customer:${ben.id}`, benCart],
        [`staff:${clerk.id}`, staffCart],
      ].sort(),
    );
    // Within a scope nothing changes: a retry (in parallel too) answers the same order and holds nothing more,
    // and the caller's own key used for another cart is IDEMPOTENCY_KEY_REUSED.
    const retries = await Promise.all(
      Array.from({ length: 4 }, () => t.gql(O.checkout, { input: { cartId: annCart, idempotencyKey: key } }, { token: ann.token })),
    );
    expect(retries.map((r) => r.data.checkout.order?.id)).toEqual(retries.map(() => a.data.checkout.order.id));
    expect((await checkout(staffCart, { idempotencyKey: key }, { token: clerk.token })).data.checkout.order.id).toBe(
      staff.data.checkout.order.id,
    );
    expect(await level(storeB.id, u.sku)).toMatchObject({ reserved: 5 });
    const annNext = await customerCart(ann);
    const reused = await t.gql(O.checkout, { input: { cartId: annNext, idempotencyKey: key } }, { token: ann.token });
    expect(reused.data.checkout.userErrors.map((e: { code: string }) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    // Someone else sending her cart and key is not answered with her order.
    const stranger = await createStaff(t, admin, 'ASSOCIATE', storeA.id);
    expect((await t.gql(O.checkout, { input: { cartId: annCart, idempotencyKey: key } }, { token: stranger.token })).data.checkout).toEqual(
      { order: null, userErrors: [expect.objectContaining({ code: 'CART_NOT_ACTIVE' })] },
    );
  });

  it('parallel first tries of one key by one customer make one order; holds nothing more', async () => {
    const [u] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
    await adjust(t, admin, storeA.id, u.sku, 5);
    const s = await registerShopper(t);
    const cart = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
    await addLines(t, cart.id, [pickup(u.id, storeA.id, 2)], { token: s.token });
    const key = randomUUID();
    const tries = await Promise.all(
      Array.from({ length: 6 }, () => t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: key } }, { token: s.token })),
    );
    expect(tries.map((r) => r.data.checkout.userErrors)).toEqual(tries.map(() => []));
    expect(new Set(tries.map((r) => r.data.checkout.order.id)).size).toBe(1);
    expect(await level(storeA.id, u.sku)).toEqual({ onHand: 5, reserved: 2, available: 3 });
  });

  it('concurrent checkouts for the last units: exactly as many orders as units, the rest OUT_OF_STOCK', async () => {
    const [last] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
    await adjust(t, admin, storeA.id, last.sku, 3);
    const carts = await Promise.all(Array.from({ length: 24 }, () => cartWith([pickup(last.id, storeA.id)])));
    const results = await Promise.all(carts.map((c) => checkout(c)));
    const won = results.filter((r) => r.data.checkout.order);
    const out = results.filter((r) => r.data.checkout.userErrors[0]?.code === 'OUT_OF_STOCK');
    expect([won.length, out.length]).toEqual([3, 21]);
    expect(await level(storeA.id, last.sku)).toEqual({ onHand: 3, reserved: 3, available: 0 });
    expect(await unbalancedLevels(t)).toBe(0);
  });

  it('a signed-in customer checks out their cart, gets a fresh one, and sees the order from every channel with its code', async () => {
    const s = await registerShopper(t);
    const cart = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
    await addLines(t, cart.id, [pickup(v[0].id, storeB.id)], { token: s.token });
    const r = await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: randomUUID() } }, { token: s.token, channel: 'APP' });
    const o = r.data.checkout.order;
    expect(o.channel).toBe('APP');
    expect(
      o.notifications.map((n: { template: string; channel: string; recipient: string }) => [n.template, n.channel, n.recipient]).sort(),
    ).toEqual([
      ['ORDER_CONFIRMED', 'EMAIL', s.email],
      ['ORDER_CONFIRMED', 'SMS', s.phone],
    ]);
    const fresh = (
      await t.gql(
        `query { me { cart { id lines { id } } orders { id channel fulfillments { pickupCode } } } }`,
        {},
        { token: s.token, channel: 'WEB' },
      )
    ).data.me;
    expect(fresh.cart.id).not.toBe(cart.id);
    expect(fresh.cart.lines).toEqual([]);
    expect(fresh.orders.map((x: { id: string; channel: string }) => [x.id, x.channel])).toEqual([[o.id, 'APP']]);
    expect(fresh.orders[0].fulfillments[0].pickupCode).toBe(o.fulfillments[0].pickupCode);
  });

  it('staff never see pickup codes; other customers cannot read the order', async () => {
    const s = await registerShopper(t);
    const other = await registerShopper(t);
    const cart = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
    await addLines(t, cart.id, [pickup(v[0].id, storeA.id)], { token: s.token });
    const o = (await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: randomUUID() } }, { token: s.token })).data.checkout
      .order;
    const staffView = await t.gql(O.order, { id: o.id }, { token: staffA });
    expect(staffView.data.order.fulfillments[0].pickupCode).toBeNull();
    expect(codes(await t.gql(O.order, { id: o.id }, { token: other.token }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(O.order, { id: o.id }))).toEqual(['UNAUTHENTICATED']);
  });

  it('a promotion is counted once per order and never beyond its limit', async () => {
    const code = `ONCE${Date.now()}`;
    await t.gql(Q.promotionCreate, { input: { code, percentOff: 10, usageLimit: 1 } }, { token: admin });
    await adjust(t, admin, warehouse.id, v[3].sku, 10);
    const c1 = await cartWith([delivery(v[3].id)]);
    const c2 = await cartWith([delivery(v[3].id)]);
    for (const c of [c1, c2])
      expect((await t.gql(Q.cartDiscountCodesUpdate, { cartId: c, codes: [code] })).data.cartDiscountCodesUpdate.userErrors).toEqual([]);
    const [r1, r2] = await Promise.all([c1, c2].map((c) => checkout(c, { shippingAddress: ADDRESS })));
    const outcomes = [r1, r2].map((r) => r.data.checkout.order?.discount.amount ?? r.data.checkout.userErrors[0].code).sort();
    expect(outcomes).toEqual([500, 'DISCOUNT_USED_UP']);
    const [{ used }] = await t.db.query(`SELECT times_used AS used FROM promotion WHERE code = $1`, [code]);
    expect(used).toBe(1);
  });

  it('/metrics shows the units held for orders and the notification backlog', async () => {
    const text = (await t.http().get('/metrics')).text;
    const [{ held }] = await t.db.query(`SELECT COALESCE(SUM(reserved), 0)::int AS held FROM stock_level`);
    const [{ due }] = await t.db.query(`SELECT count(*)::int AS due FROM notification WHERE status = 'PENDING'`);
    expect(held).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`^reservations_held_units ${held}$`, 'm'));
    expect(text).toMatch(new RegExp(`^outbox_backlog ${due}$`, 'm'));
  });
});
