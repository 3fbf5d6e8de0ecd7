import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { unbalancedTotals } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const LEVEL = `query($locationId: ID!, $sku: String!) { stockLevel(locationId: $locationId, sku: $sku) { sku onHand reserved available } }`;

describe('inventory: stock levels and the movement ledger', () => {
  let t: TestApp;
  let admin: string;
  let store: { id: string };
  let other: { id: string };
  let associate: string;
  let otherAssociate: string;
  let sku: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    store = await createLocation(t, admin);
    other = await createLocation(t, admin);
    associate = (await createStaff(t, admin, 'ASSOCIATE', store.id)).token;
    otherAssociate = (await createStaff(t, admin, 'ASSOCIATE', other.id)).token;
    sku = (await createProduct(t, admin)).variants[0].sku;
  });
  afterAll(() => t?.close());

  const ledger = async (locationId: string, sku: string) => {
    const [row] = await t.db.query(
      `SELECT COALESCE(SUM(m.on_hand_delta), 0)::int AS "onHand", COALESCE(SUM(m.reserved_delta), 0)::int AS reserved, count(*)::int AS movements
       FROM stock_movement m JOIN product_variant v ON v.id = m.variant_id WHERE m.location_id = $1 AND v.sku = $2`,
      [locationId, sku],
    );
    return row as { onHand: number; reserved: number; movements: number };
  };

  it('an associate receives stock at their own store; each change writes a movement', async () => {
    const r = await adjust(t, associate, store.id, sku, 5, 'RECEIPT');
    expect(r.data.stockAdjust).toEqual({ stockLevel: { onHand: 5, reserved: 0, available: 5 }, userErrors: [] });
    const r2 = await adjust(t, associate, store.id, sku, -2, 'DAMAGE');
    expect(r2.data.stockAdjust.stockLevel).toEqual({ onHand: 3, reserved: 0, available: 3 });
    expect(await ledger(store.id, sku)).toEqual({ onHand: 3, reserved: 0, movements: 2 });
    const [m] = await t.db.query(
      `SELECT type, reason, staff_id IS NOT NULL AS "byStaff" FROM stock_movement WHERE location_id = $1 ORDER BY id DESC LIMIT 1`,
      [store.id],
    );
    expect(m).toEqual({ type: 'ADJUSTMENT', reason: 'DAMAGE', byStaff: true });
    const level = await t.gql(LEVEL, { locationId: store.id, sku: sku.toLowerCase() }, { token: associate });
    expect(level.data.stockLevel).toEqual({ sku, onHand: 3, reserved: 0, available: 3 });
  });

  it('refuses to take stock below zero, and changes nothing', async () => {
    const r = await adjust(t, admin, store.id, sku, -100);
    expect(r.data.stockAdjust.stockLevel).toBeNull();
    expect(r.data.stockAdjust.userErrors[0]).toMatchObject({ code: 'INSUFFICIENT_STOCK', field: ['delta'] });
    const fresh = await adjust(t, admin, other.id, sku, -1);
    expect(fresh.data.stockAdjust.userErrors[0].code).toBe('INSUFFICIENT_STOCK');
    expect((await t.gql(LEVEL, { locationId: store.id, sku }, { token: admin })).data.stockLevel.onHand).toBe(3);
  });

  it('refuses unknown SKUs, zero and out-of-range deltas, and bad ids', async () => {
    expect((await adjust(t, admin, store.id, 'NO-SUCH-SKU', 1)).data.stockAdjust.userErrors[0].code).toBe('UNKNOWN_SKU');
    expect(codes(await adjust(t, admin, store.id, sku, 0))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await adjust(t, admin, store.id, sku, 10_000_000))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await adjust(t, admin, 'not-a-uuid', sku, 1))).toEqual(['BAD_USER_INPUT']);
    expect((await adjust(t, admin, '00000000-0000-4000-8000-000000000000', sku, 1)).data.stockAdjust.userErrors[0].code).toBe(
      'UNKNOWN_LOCATION',
    );
  });

  it('guards who may adjust and read', async () => {
    expect(codes(await adjust(t, '', store.id, sku, 1))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await adjust(t, otherAssociate, store.id, sku, 1))).toEqual(['FORBIDDEN']);
    expect(codes(await adjust(t, 'not.a.token', store.id, sku, 1))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(LEVEL, { locationId: store.id, sku }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(LEVEL, { locationId: store.id, sku: 'NOPE' }, { token: admin }))).toEqual(['NOT_FOUND']);
    // staff may read another store's level (to tell a customer where a size is), not change it
    expect((await t.gql(LEVEL, { locationId: store.id, sku }, { token: otherAssociate })).data.stockLevel.onHand).toBe(3);
  });

  it('many concurrent adjusts on one level end exactly at the sum', async () => {
    const {
      variants: [v],
    } = await createProduct(t, admin, { sizes: ['U'] });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => adjust(t, admin, store.id, v.sku, i % 4 === 0 ? 3 : 1)));
    expect(results.every((r) => r.data?.stockAdjust?.userErrors?.length === 0)).toBe(true);
    const expected = 10 * 3 + 30 * 1;
    expect((await t.gql(LEVEL, { locationId: store.id, sku: v.sku }, { token: admin })).data.stockLevel).toMatchObject({
      onHand: expected,
      reserved: 0,
    });
    expect(await ledger(store.id, v.sku)).toEqual({ onHand: expected, reserved: 0, movements: 40 });
  });

  it('concurrent removals never take on-hand below what is reserved', async () => {
    const {
      variants: [v],
    } = await createProduct(t, admin, { sizes: ['U'] });
    await adjust(t, admin, store.id, v.sku, 10);
    // Four units held for an order (the reservation path arrives with checkout; set it as the ledger would).
    await t.db.transaction(async (em) => {
      await em.query(`UPDATE stock_level SET reserved = 4 WHERE location_id = $1 AND variant_id = $2`, [store.id, v.id]);
      await em.query(
        `INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, reason) VALUES ($1, $2, 'RESERVATION', 0, 4, 'test')`,
        [store.id, v.id],
      );
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => adjust(t, admin, store.id, v.sku, -1, 'COUNT')));
    const ok = results.filter((r) => r.data.stockAdjust.userErrors.length === 0);
    const refused = results.filter((r) => r.data.stockAdjust.userErrors[0]?.code === 'INSUFFICIENT_STOCK');
    expect([ok.length, refused.length]).toEqual([6, 14]);
    expect((await t.gql(LEVEL, { locationId: store.id, sku: v.sku }, { token: admin })).data.stockLevel).toEqual({
      sku: v.sku,
      onHand: 4,
      reserved: 4,
      available: 0,
    });
    expect(await ledger(store.id, v.sku)).toEqual({ onHand: 4, reserved: 4, movements: 8 });
  });

  it("PostgreSQL keeps each variant's totals over every location, whoever changes a level; availableOnline reads them", async () => {
    const {
      slug,
      variants: [v],
    } = await createProduct(t, admin, { sizes: ['U'] });
    const totals = async () =>
      (await t.db.query(`SELECT on_hand AS "onHand", reserved FROM variant_stock WHERE variant_id = $1`, [v.id]))[0];
    await adjust(t, admin, store.id, v.sku, 5);
    await adjust(t, admin, other.id, v.sku, 3);
    expect(await totals()).toEqual({ onHand: 8, reserved: 0 });
    // A hold and a repair in SQL (no ledger): the trigger counts both at commit.
    await t.db.query(`UPDATE stock_level SET reserved = 2 WHERE location_id = $1 AND variant_id = $2`, [store.id, v.id]);
    await t.db.query(`UPDATE stock_level SET on_hand = on_hand + 4 WHERE location_id = $1 AND variant_id = $2`, [other.id, v.id]);
    expect(await totals()).toEqual({ onHand: 12, reserved: 2 });
    // A transaction that rolls back leaves them as they were.
    await t.db
      .transaction(async (em) => {
        await em.query(`UPDATE stock_level SET on_hand = on_hand + 100 WHERE variant_id = $1`, [v.id]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await totals()).toEqual({ onHand: 12, reserved: 2 });
    await t.db.query(`UPDATE stock_level SET reserved = 0 WHERE location_id = $1 AND variant_id = $2`, [store.id, v.id]);
    await adjust(t, admin, store.id, v.sku, -1, 'DAMAGE'); // through the ledger, which also drops the cached availability
    const online = await t.gql(`query($slug: String!) { product(slug: $slug) { variants { availableOnline } } }`, { slug });
    expect(online.data.product.variants[0].availableOnline).toBe(11);
    expect(await unbalancedTotals(t.db)).toBe(0);
  });

  it('the database itself refuses reserved above on-hand (the last line of defence)', async () => {
    const {
      variants: [v],
    } = await createProduct(t, admin, { sizes: ['U'] });
    await adjust(t, admin, store.id, v.sku, 2);
    await expect(
      t.db.query(`UPDATE stock_level SET reserved = 3 WHERE location_id = $1 AND variant_id = $2`, [store.id, v.id]),
    ).rejects.toThrow(/CHK_stock_level_states/);
    await expect(
      t.db.query(`UPDATE stock_level SET on_hand = -1, reserved = 0 WHERE location_id = $1 AND variant_id = $2`, [store.id, v.id]),
    ).rejects.toThrow(/CHK_stock_level/);
  });
});
