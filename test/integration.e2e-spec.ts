import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, guestCart, O, pickup, registerShopper, unbalancedLevels } from './support/shoppers.js';
import { type AnyJson, codes, startTestApp, type TestApp } from './support/test-app.js';

const E = 'userErrors { code field message }';
const I = {
  set: `mutation($input: StockSetInput!) { stockSet(input: $input) { results { sku onHand } ${E} } }`,
  sale: `mutation($input: PosSaleInput!) { posSaleRecord(input: $input) { order { id number status channel total { amount } fulfillments { status } } ${E} } }`,
  level: `query($locationId: ID!, $sku: String!) { stockLevel(locationId: $locationId, sku: $sku) { onHand reserved unsellable available } }`,
  history: `query($id: ID!) { customer(id: $id) { orders { id channel status } } }`,
};

describe("integration: the retailer's systems set stock and record till sales", () => {
  let t: TestApp;
  let admin: string;
  let A: { id: string };
  let W: { id: string };
  let staffA: string;
  let staffW: string;

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    A = await createLocation(t, admin, { pickupEnabled: true });
    W = await createLocation(t, admin, { type: 'WAREHOUSE', geo: { lat: 48.95, lng: 2.5 } });
    staffA = (await createStaff(t, admin, 'ASSOCIATE', A.id)).token;
    staffW = (await createStaff(t, admin, 'ASSOCIATE', W.id)).token;
  });
  afterAll(() => t?.close());

  const level = async (sku: string, loc = A) => (await t.gql(I.level, { locationId: loc.id, sku }, { token: admin })).data.stockLevel;
  const set = (items: unknown[], key = randomUUID(), token = admin) =>
    t.gql(I.set, { input: { locationId: A.id, reason: 'ERP', idempotencyKey: key, items } }, { token });
  const refused = (r: AnyJson, field: string) => {
    expect(r.errors).toBeUndefined();
    return r.data[field].userErrors.map((e: { code: string }) => e.code);
  };
  async function holdForPickup(variantId: string, quantity: number) {
    const c = await guestCart(t);
    await addLines(t, c.id, [pickup(variantId, A.id, quantity)]);
    return t.gql(O.checkout, {
      input: { cartId: c.id, idempotencyKey: randomUUID(), contact: { email: 'p@test.example' }, shippingAddress: ADDRESS },
    });
  }
  const ticket = (lines: unknown[], over: Record<string, unknown> = {}) => ({
    locationId: A.id,
    ticketNumber: `T-${randomUUID().slice(0, 8)}`,
    soldAt: new Date().toISOString(),
    lines,
    ...over,
  });

  describe('stockSet', () => {
    it('sets absolute quantities, the difference a movement; the same key once; refusals change nothing', async () => {
      const [a, b] = (await createProduct(t, admin, { sizes: ['S', 'M'] })).variants;
      await adjust(t, admin, A.id, a.sku, 4);
      const key = randomUUID();
      const r = await set(
        [
          { sku: a.sku, onHand: 10 },
          { sku: b.sku.toLowerCase(), onHand: 3 },
        ],
        key,
      );
      expect(r.data.stockSet).toEqual({
        results: [
          { sku: a.sku, onHand: 10 },
          { sku: b.sku, onHand: 3 },
        ],
        userErrors: [],
      });
      expect(
        (
          await set(
            [
              { sku: a.sku, onHand: 10 },
              { sku: b.sku.toLowerCase(), onHand: 3 },
            ],
            key,
          )
        ).data.stockSet.userErrors,
      ).toEqual([]);
      const moves = await t.db.query(
        `SELECT variant_id, on_hand_delta FROM stock_movement WHERE type = 'SET' AND location_id = $1 ORDER BY id`,
        [A.id],
      );
      expect(moves.map((m: AnyJson) => [m.variant_id, m.on_hand_delta])).toEqual(
        [
          [a.id, 6],
          [b.id, 3],
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      );
      expect(refused(await set([{ sku: a.sku, onHand: 1 }], key), 'stockSet')).toEqual(['IDEMPOTENCY_KEY_REUSED']);
      expect(refused(await set([{ sku: a.sku, onHand: 12, compareOnHand: 9 }]), 'stockSet')).toEqual(['STOCK_CHANGED']);
      expect(
        refused(
          await set([
            { sku: a.sku, onHand: 12 },
            { sku: 'NO-SUCH', onHand: 1 },
          ]),
          'stockSet',
        ),
      ).toEqual(['UNKNOWN_SKU']);
      expect((await level(a.sku)).onHand).toBe(10);
      expect(codes(await set([{ sku: a.sku, onHand: 1 }], randomUUID(), staffA))).toEqual(['FORBIDDEN']);
      expect(codes(await set([{ sku: a.sku, onHand: -1 }]))).toEqual(['BAD_USER_INPUT']);
      expect((await holdForPickup(a.id, 4)).data.checkout.userErrors).toEqual([]);
      expect(refused(await set([{ sku: a.sku, onHand: 3 }]), 'stockSet')).toEqual(['BELOW_RESERVED']);
      expect(await level(a.sku)).toMatchObject({ onHand: 10, reserved: 4 });
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('two feeds and a checkout on one level at once: one feed per read wins, never below what is held, the ledger whole', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
      await adjust(t, admin, A.id, v.sku, 5);
      for (let round = 0; round < 5; round++) {
        const seen = (await level(v.sku)).onHand;
        const [x, y, c] = await Promise.all([
          set([{ sku: v.sku, onHand: seen + 3, compareOnHand: seen }]),
          set([{ sku: v.sku, onHand: seen + 1, compareOnHand: seen }]),
          holdForPickup(v.id, 1),
        ]);
        const outcomes = [x, y].map((r) => r.data.stockSet.userErrors[0]?.code ?? 'SET').sort();
        expect(outcomes).toEqual(['SET', 'STOCK_CHANGED']); // a checkout holds units, it does not change on hand
        expect(c.errors).toBeUndefined();
        const l = await level(v.sku);
        expect(l.reserved).toBeLessThanOrEqual(l.onHand);
      }
      expect(await unbalancedLevels(t)).toBe(0);
    });
  });

  describe('posSaleRecord', () => {
    it('a ticket is a completed STORE order, once, in the customer history; its units leave the shelf', async () => {
      const shopper = await registerShopper(t);
      const [v] = (await createProduct(t, admin, { sizes: ['U'], price: 2500 })).variants;
      await adjust(t, admin, A.id, v.sku, 6);
      const sale = ticket([{ sku: v.sku, quantity: 2, unitPrice: { amount: 1990, currency: 'EUR' } }], { customerId: shopper.id });
      const [x, y] = await Promise.all([
        t.gql(I.sale, { input: sale }, { token: staffA }),
        t.gql(I.sale, { input: sale }, { token: staffA }),
      ]);
      const o = x.data.posSaleRecord.order;
      expect(y.data.posSaleRecord.order.id).toBe(o.id);
      expect([o.channel, o.status, o.total.amount, o.fulfillments.map((f: AnyJson) => f.status)]).toEqual([
        'STORE',
        'COMPLETED',
        3980,
        ['COLLECTED'],
      ]);
      expect((await level(v.sku)).onHand).toBe(4);
      const history = (await t.gql(I.history, { id: shopper.id }, { token: staffA })).data.customer.orders;
      expect(history.some((h: AnyJson) => h.id === o.id && h.channel === 'STORE')).toBe(true);
      expect(codes(await t.gql(I.sale, { input: { ...sale, ticketNumber: 'other' } }, { token: staffW }))).toEqual(['FORBIDDEN']);
      expect(
        refused(
          await t.gql(
            I.sale,
            { input: ticket([{ sku: 'NO-SUCH', quantity: 1, unitPrice: { amount: 1, currency: 'EUR' } }]) },
            { token: staffA },
          ),
          'posSaleRecord',
        ),
      ).toEqual(['UNKNOWN_SKU']);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM stock_movement WHERE type = 'SALE' AND variant_id = $1`, [v.id]);
      expect(n).toBe(1);
    });

    it('the till is the truth: a sale of units held for a pickup takes them, and the pickup is sourced again', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
      await adjust(t, admin, A.id, v.sku, 3);
      await adjust(t, admin, W.id, v.sku, 5);
      const held = (await holdForPickup(v.id, 2)).data.checkout.order; // 2 of 3 held at A
      const r = await t.gql(
        I.sale,
        { input: ticket([{ sku: v.sku, quantity: 3, unitPrice: { amount: 1000, currency: 'EUR' } }]) },
        { token: staffA },
      );
      expect(r.data.posSaleRecord.userErrors).toEqual([]);
      expect(await level(v.sku)).toMatchObject({ onHand: 0, reserved: 0 });
      const order = (await t.gql(O.order, { id: held.id }, { token: admin })).data.order;
      const live = order.fulfillments.filter((f: AnyJson) => f.status !== 'CANCELLED');
      expect(live.map((f: AnyJson) => [f.type, f.sourceLocation.id])).toEqual([['SHIP_TO_STORE', W.id]]);
      expect((await level(v.sku, W)).reserved).toBe(2);
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('till sales racing pickups on one level: nothing below its constraints, no movement lost', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
      await adjust(t, admin, A.id, v.sku, 10);
      const work = Array.from({ length: 16 }, (_, i) =>
        i % 2
          ? holdForPickup(v.id, 1)
          : t.gql(I.sale, { input: ticket([{ sku: v.sku, quantity: 1, unitPrice: { amount: 500, currency: 'EUR' } }]) }, { token: staffA }),
      );
      for (const r of await Promise.all(work)) expect(r.errors).toBeUndefined();
      const l = await level(v.sku);
      expect(l.reserved + l.unsellable).toBeLessThanOrEqual(l.onHand);
      expect(await unbalancedLevels(t)).toBe(0);
    });
  });
});
