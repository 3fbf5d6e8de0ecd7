import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, guestCart, O, pickup, unbalancedLevels } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const FUL = 'id type status sourceLocation { id } pickupLocation { id } lines { quantity variant { id sku } }';
const ORDER = `id status paymentStatus fulfillments { ${FUL} } notifications { template }`;
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { ${ORDER} } userErrors { code field message } } }`;
const SHORTAGE = `mutation($id: ID!, $lines: [ShortageLineInput!]!) { fulfillmentReportShortage(id: $id, lines: $lines) {
  order { ${ORDER} } userErrors { code field message } } }`;

describe('fulfillmentReportShortage', () => {
  let t: TestApp;
  let admin: string;
  let A: { id: string };
  let B: { id: string };
  let W: { id: string };
  let staffA: string;
  let staffB: string;

  const level = async (loc: { id: string }, sku: string) =>
    (await t.gql(O.level, { locationId: loc.id, sku }, { token: admin })).data.stockLevel;
  async function order(lines: unknown[], payment?: unknown) {
    const c = await guestCart(t);
    await addLines(t, c.id, lines);
    const r = await t.gql(CHECKOUT, {
      input: {
        cartId: c.id,
        idempotencyKey: randomUUID(),
        contact: { email: 's@test.example' },
        shippingAddress: ADDRESS,
        ...(payment ? { payment } : {}),
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.checkout.userErrors).toEqual([]);
    return r.data.checkout.order;
  }
  const short = (id: string, lines: unknown[], token = staffA) => t.gql(SHORTAGE, { id, lines }, { token });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const live = (o: { fulfillments: any[] }) => o.fulfillments.filter((f: { status: string }) => f.status !== 'CANCELLED');

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    A = await createLocation(t, admin);
    B = await createLocation(t, admin, { geo: { lat: 48.9, lng: 2.4 } });
    W = await createLocation(t, admin, { type: 'WAREHOUSE' });
    staffA = (await createStaff(t, admin, 'ASSOCIATE', A.id)).token;
    staffB = (await createStaff(t, admin, 'ASSOCIATE', B.id)).token;
  });
  afterAll(() => t?.close());

  it('writes the missing units off and sends them from another location to the same store', async () => {
    const [v] = (await createProduct(t, admin, { sizes: ['L'] })).variants;
    await adjust(t, admin, A.id, v.sku, 2);
    await adjust(t, admin, W.id, v.sku, 5);
    const o = await order([pickup(v.id, A.id, 2)], { method: 'CARD', token: 'tok_sandbox_ok' });
    const r = await short(o.fulfillments[0].id, [{ variantId: v.id, quantity: 2 }]);
    expect(r.data.fulfillmentReportShortage.userErrors).toEqual([]);
    const after = r.data.fulfillmentReportShortage.order;
    expect(
      live(after).map(
        (f: { type: string; sourceLocation: { id: string }; pickupLocation: { id: string }; lines: { quantity: number }[] }) => [
          f.type,
          f.sourceLocation.id,
          f.pickupLocation.id,
          f.lines.map((l) => l.quantity),
        ],
      ),
    ).toEqual([['SHIP_TO_STORE', W.id, A.id, [2]]]);
    expect([after.status, after.paymentStatus]).toEqual(['PLACED', 'AUTHORIZED']);
    expect(await level(A, v.sku)).toEqual({ onHand: 0, reserved: 0, available: 0 });
    expect((await level(W, v.sku)).reserved).toBe(2);
    const [lost] = await t.db.query(`SELECT on_hand_delta, reserved_delta FROM stock_movement WHERE location_id = $1 AND type = 'LOST'`, [
      A.id,
    ]);
    expect(lost).toEqual({ on_hand_delta: -2, reserved_delta: -2 });
    expect(await unbalancedLevels(t)).toBe(0);
  });

  it('holds them again on the same shelf when the store has others', async () => {
    const [v] = (await createProduct(t, admin, { sizes: ['M'] })).variants;
    await adjust(t, admin, A.id, v.sku, 5);
    const o = await order([pickup(v.id, A.id, 2)]);
    const after = (await short(o.fulfillments[0].id, [{ variantId: v.id, quantity: 1 }])).data.fulfillmentReportShortage.order;
    expect(live(after).map((f: { type: string; lines: { quantity: number }[] }) => [f.type, f.lines.map((l) => l.quantity)])).toEqual([
      ['PICKUP', [2]],
    ]);
    expect(await level(A, v.sku)).toEqual({ onHand: 4, reserved: 2, available: 2 });
  });

  it('cancels what nothing can supply, releases its money and tells the customer', async () => {
    const [a, b] = (await createProduct(t, admin, { sizes: ['S', 'XL'], price: 4000 })).variants;
    await adjust(t, admin, A.id, a.sku, 1);
    await adjust(t, admin, A.id, b.sku, 1);
    const o = await order([pickup(a.id, A.id), pickup(b.id, A.id)], { method: 'CARD', token: 'tok_sandbox_ok' });
    const some = (await short(o.fulfillments[0].id, [{ variantId: b.id, quantity: 1 }])).data.fulfillmentReportShortage.order;
    expect(live(some).map((f: { lines: { variant: { sku: string } }[] }) => f.lines.map((l) => l.variant.sku))).toEqual([[a.sku]]);
    expect(some.status).toBe('PLACED');
    expect(some.notifications.map((n: { template: string }) => n.template)).toContain('ITEMS_UNAVAILABLE');
    const [p] = await t.db.query(`SELECT due, released FROM payment WHERE order_id = $1`, [o.id]);
    expect(p).toEqual({ due: 8000, released: 4000 });
    const all = (
      await short(some.fulfillments.find((f: { status: string }) => f.status !== 'CANCELLED').id, [{ variantId: a.id, quantity: 1 }])
    ).data.fulfillmentReportShortage.order;
    expect([all.status, all.paymentStatus]).toEqual(['CANCELLED', 'VOIDED']);
    expect(all.notifications.map((n: { template: string }) => n.template)).toContain('ORDER_CANCELLED');
    expect(await unbalancedLevels(t)).toBe(0);
  });

  it('refuses other stores, more units than held, and fulfilments no longer held, changing nothing', async () => {
    const [v] = (await createProduct(t, admin, { sizes: ['S'] })).variants;
    await adjust(t, admin, A.id, v.sku, 3);
    const o = await order([pickup(v.id, A.id, 2)]);
    const f = o.fulfillments[0];
    expect(codes(await short(f.id, [{ variantId: v.id, quantity: 1 }], staffB))).toEqual(['FORBIDDEN']);
    const over = await short(f.id, [{ variantId: v.id, quantity: 3 }]);
    expect(over.data.fulfillmentReportShortage.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_QUANTITY']);
    const other = await short(f.id, [{ variantId: randomUUID(), quantity: 1 }]);
    expect(other.data.fulfillmentReportShortage.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_QUANTITY']);
    expect(codes(await short(f.id, [{ variantId: v.id, quantity: 0 }]))).toEqual(['BAD_USER_INPUT']);
    expect(await level(A, v.sku)).toEqual({ onHand: 3, reserved: 2, available: 1 });
    await t.gql(O.cancel, { id: o.id }, { token: admin });
    const late = await short(f.id, [{ variantId: v.id, quantity: 1 }]);
    expect(late.data.fulfillmentReportShortage.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
  });

  it('racing checkouts for the same units: never oversold, no hold lost', async () => {
    const [v] = (await createProduct(t, admin, { sizes: ['M'] })).variants;
    await adjust(t, admin, A.id, v.sku, 4);
    const o = await order([pickup(v.id, A.id, 2)]);
    const carts = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const c = await guestCart(t);
        await addLines(t, c.id, [pickup(v.id, A.id)]);
        return c.id;
      }),
    );
    const [shortage, ...checkouts] = await Promise.all([
      short(o.fulfillments[0].id, [{ variantId: v.id, quantity: 2 }]),
      ...carts.map((cartId) => t.gql(CHECKOUT, { input: { cartId, idempotencyKey: randomUUID(), contact: { email: 'r@test.example' } } })),
    ]);
    expect(shortage.data.fulfillmentReportShortage.userErrors).toEqual([]);
    const placed = checkouts.filter((c) => c.data.checkout.order).length;
    const lvl = await level(A, v.sku);
    expect(lvl.onHand).toBe(2); // 4 counted, 2 lost
    expect(lvl.reserved).toBeLessThanOrEqual(lvl.onHand);
    const held = live(shortage.data.fulfillmentReportShortage.order).length ? 2 : 0; // the order's units, held again if there were any
    expect(lvl.reserved).toBe(placed + held);
    expect(await unbalancedLevels(t)).toBe(0);
  });
});
