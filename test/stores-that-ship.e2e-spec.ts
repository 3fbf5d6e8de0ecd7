import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct } from './support/factories.js';
import { ADDRESS, addLines, delivery, guestCart } from './support/shoppers.js';
import { moveClock } from './support/clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ORDER = 'id fulfillments { type sourcingReason sourceLocation { id } }';
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { ${ORDER} } userErrors { code field message } } }`;
const LOCATION = 'id shipsOrders fulfilmentCapacityPerDay';

describe('stores that ship (delivery sourced from stores, within a daily capacity)', () => {
  let t: TestApp;
  let admin: string;

  async function cartFor(variantId: string): Promise<string> {
    const c = await guestCart(t);
    await addLines(t, c.id, [delivery(variantId, 1)]);
    return c.id;
  }
  const checkout = (cartId: string, i = 0) =>
    t.gql(CHECKOUT, {
      input: { cartId, idempotencyKey: randomUUID(), contact: { email: `ship${i}@test.example` }, shippingAddress: ADDRESS },
    });

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  it('locations say whether they ship and their capacity; stores do not ship unless told, warehouses do; admins change it, audited', async () => {
    const store = await createLocation(t, admin);
    const wh = await createLocation(t, admin, { type: 'WAREHOUSE' });
    const read = async (id: string) =>
      (await t.gql(`query($id: ID!) { location(id: $id) { ${LOCATION} } }`, { id }, { token: admin })).data.location;
    expect(await read(store.id)).toEqual({ id: store.id, shipsOrders: false, fulfilmentCapacityPerDay: null });
    expect(await read(wh.id)).toEqual({ id: wh.id, shipsOrders: true, fulfilmentCapacityPerDay: null });
    const UPDATE = `mutation($id: ID!, $input: LocationUpdateInput!) { locationUpdate(id: $id, input: $input) { location { ${LOCATION} } userErrors { code field } } }`;
    const r = await t.gql(UPDATE, { id: store.id, input: { shipsOrders: true, fulfilmentCapacityPerDay: 7 } }, { token: admin });
    expect(r.data.locationUpdate.location).toEqual({ id: store.id, shipsOrders: true, fulfilmentCapacityPerDay: 7 });
    const [entry] = await t.db.query(`SELECT before, after FROM audit_entry WHERE subject_id = $1 AND action = 'LOCATION_UPDATED'`, [
      store.id,
    ]);
    expect(entry).toEqual({
      before: { shipsOrders: false, fulfilmentCapacityPerDay: null },
      after: { shipsOrders: true, fulfilmentCapacityPerDay: 7 },
    });
    const bad = await t.gql(UPDATE, { id: store.id, input: { fulfilmentCapacityPerDay: -1 } }, { token: admin });
    expect(bad.data?.locationUpdate?.location ?? null).toBeNull();
    const cleared = await t.gql(UPDATE, { id: store.id, input: { fulfilmentCapacityPerDay: null } }, { token: admin });
    expect(cleared.data.locationUpdate.location.fulfilmentCapacityPerDay).toBeNull();
  });

  it('a store that does not ship orders is never a delivery source', async () => {
    const store = await createLocation(t, admin);
    const [v] = (await createProduct(t, admin, { sizes: ['M'] })).variants;
    await adjust(t, admin, store.id, v.sku, 10);
    const r = await checkout(await cartFor(v.id));
    expect(r.data.checkout.userErrors.map((e: { code: string }) => e.code)).toEqual(['OUT_OF_STOCK']);
  });

  it('50 parallel delivery checkouts from a store with capacity 5: exactly 5 orders, the rest refused', async () => {
    const store = await createLocation(t, admin, { shipsOrders: true, fulfilmentCapacityPerDay: 5, timeZone: 'America/New_York' });
    const [v] = (await createProduct(t, admin, { sizes: ['M'] })).variants;
    await adjust(t, admin, store.id, v.sku, 100);
    const carts: string[] = [];
    for (let i = 0; i < 50; i += 10) carts.push(...(await Promise.all(Array.from({ length: 10 }, () => cartFor(v.id)))));
    const results = await Promise.all(carts.map((c, i) => checkout(c, i)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const placed = results.filter((r) => r.data.checkout.order);
    const refused = results.filter((r) => r.data.checkout.userErrors[0]?.code === 'OUT_OF_STOCK');
    expect([placed.length, refused.length]).toEqual([5, 45]);
    for (const p of placed) {
      expect(p.data.checkout.order.fulfillments).toEqual([
        { type: 'DELIVERY', sourcingReason: 'STORE_WITH_STOCK', sourceLocation: { id: store.id } },
      ]);
    }
    const rows = await t.db.query(`SELECT day::text AS day, used FROM fulfilment_capacity WHERE location_id = $1`, [store.id]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    expect(rows).toEqual([{ day: today, used: 5 }]);
    const [level] = await t.db.query(`SELECT reserved FROM stock_level WHERE location_id = $1`, [store.id]);
    expect(level.reserved).toBe(5);
  }, 120_000);

  it("a full store is skipped for the next source, and the reason says so; the store's next day (its time zone) starts afresh", async () => {
    const tz = 'Asia/Tokyo';
    const suffix = randomUUID().slice(0, 6);
    const store = await createLocation(t, admin, { code: `A-${suffix}`, shipsOrders: true, fulfilmentCapacityPerDay: 1, timeZone: tz });
    const other = await createLocation(t, admin, { code: `Z-${suffix}`, shipsOrders: true });
    const [v] = (await createProduct(t, admin, { sizes: ['M'] })).variants;
    await adjust(t, admin, store.id, v.sku, 10);
    await adjust(t, admin, other.id, v.sku, 10);
    const day = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date(at));
    // Yesterday (in Tokyo) the store was full: that does not count today.
    await t.db.query(`INSERT INTO fulfilment_capacity (location_id, day, used) VALUES ($1, $2::date - 1, 1)`, [store.id, day(Date.now())]);
    const first = (await checkout(await cartFor(v.id))).data.checkout.order;
    expect(first.fulfillments).toEqual([{ type: 'DELIVERY', sourcingReason: 'STORE_WITH_STOCK', sourceLocation: { id: store.id } }]);
    const second = (await checkout(await cartFor(v.id))).data.checkout.order;
    expect(second.fulfillments).toEqual([
      {
        type: 'DELIVERY',
        sourcingReason: `STORE_WITH_STOCK;SKIPPED_AT_CAPACITY:A-${suffix}`.toUpperCase(),
        sourceLocation: { id: other.id },
      },
    ]);
    // A day later by the service's clock, the store's new day in Tokyo has its capacity again.
    const clock = moveClock(t.app);
    try {
      clock.advance(24 * 3600_000);
      const third = (await checkout(await cartFor(v.id))).data.checkout.order;
      expect(third.fulfillments[0].sourceLocation).toEqual({ id: store.id });
    } finally {
      clock.restore();
    }
    const rows = await t.db.query(`SELECT day::text AS day, used FROM fulfilment_capacity WHERE location_id = $1 ORDER BY day`, [store.id]);
    const now = Date.now();
    expect(rows.map((r: { day: string }) => r.day)).toEqual([day(now - 24 * 3600_000), day(now), day(now + 24 * 3600_000)]);
    expect(rows.map((r: { used: number }) => r.used)).toEqual([1, 1, 1]);
  });

  it('a warehouse is still chosen before a shipping store, with its reason', async () => {
    const store = await createLocation(t, admin, { shipsOrders: true, fulfilmentCapacityPerDay: 3 });
    const wh = await createLocation(t, admin, { type: 'WAREHOUSE' });
    const [v] = (await createProduct(t, admin, { sizes: ['M'] })).variants;
    await adjust(t, admin, store.id, v.sku, 10);
    await adjust(t, admin, wh.id, v.sku, 10);
    const o = (await checkout(await cartFor(v.id))).data.checkout.order;
    expect(o.fulfillments).toEqual([{ type: 'DELIVERY', sourcingReason: 'WAREHOUSE_FIRST', sourceLocation: { id: wh.id } }]);
    const [none] = await t.db.query(`SELECT count(*)::int AS n FROM fulfilment_capacity WHERE location_id = $1`, [store.id]);
    expect(none.n).toBe(0);
  });
});
