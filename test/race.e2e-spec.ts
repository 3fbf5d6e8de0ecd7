import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { O, Q } from './support/shoppers.js';
import { ADMIN } from './support/test-app.js';
import { testDatabaseUrl, usingRealPostgres } from './support/test-database.js';

/**
 * The oversell race across two API processes on one PostgreSQL. PGlite serves one process only, so this
 * file runs when DATABASE_URL points at a real server (as in CI) and is skipped otherwise.
 */
const real = usingRealPostgres();
(real ? describe : describe.skip)(
  'no overselling across two API processes (needs DATABASE_URL: PGlite serves one process, so skipped without it)',
  () => {
    let apis: ApiProcess[] = [];
    let db: pg.Client;
    let admin: string;
    let storeId: string;
    let variant: { id: string; sku: string };

    beforeAll(async () => {
      const url = (await testDatabaseUrl())!;
      apis = await Promise.all([startApiProcess(url), startApiProcess(url)]);
      db = new pg.Client({ connectionString: url });
      await db.connect();
      const [a] = apis;
      admin = (await a.gql(`mutation($input: StaffLoginInput!) { staffLogin(input: $input) { token } }`, { input: ADMIN })).data.staffLogin
        .token;
      storeId = (
        await a.gql(
          `mutation($input: LocationCreateInput!) { locationCreate(input: $input) { location { id } } }`,
          { input: { code: `RACE-${Date.now()}`, name: 'Race store', type: 'STORE', geo: { lat: 48.85, lng: 2.3 } } },
          { token: admin },
        )
      ).data.locationCreate.location.id;
      const sku = `RACE-${Date.now()}`;
      const p = await a.gql(
        `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { variants { id sku } } } }`,
        { input: { slug: sku.toLowerCase(), name: 'Race sneaker', variants: [{ sku, price: { amount: 5900, currency: 'EUR' } }] } },
        { token: admin },
      );
      variant = p.data.productCreate.product.variants[0];
      await a.gql(
        `mutation($input: StockAdjustInput!) { stockAdjust(input: $input) { stockLevel { onHand } } }`,
        { input: { locationId: storeId, sku, delta: 10, reason: 'RECEIPT' } },
        { token: admin },
      );
    }, 120_000);
    afterAll(async () => {
      await Promise.all(apis.map((a) => a.stop()));
      await db?.end();
    });

    const cart = async (api: ApiProcess) => {
      const id = (await api.gql(Q.cartCreate)).data.cartCreate.cart.id;
      await api.gql(Q.cartLinesAdd, {
        cartId: id,
        lines: [{ variantId: variant.id, quantity: 1, fulfillment: { type: 'PICKUP', locationId: storeId } }],
      });
      return id as string;
    };

    it('200 concurrent checkouts for 10 units, split across both processes: exactly 10 orders', async () => {
      const carts: string[] = [];
      for (let i = 0; i < 200; i += 20) carts.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => cart(apis[(i + j) % 2])))));
      const results = await Promise.all(
        carts.map((cartId, i) =>
          apis[i % 2].gql(O.checkout, { input: { cartId, idempotencyKey: randomUUID(), contact: { email: `race${i}@test.example` } } }),
        ),
      );
      const placed = results.filter((r) => r.data?.checkout?.order);
      const refused = results.filter((r) => r.data?.checkout?.userErrors?.[0]?.code === 'OUT_OF_STOCK');
      expect([placed.length, refused.length, results.filter((r) => r.errors).length]).toEqual([10, 190, 0]);
      const {
        rows: [level],
      } = await db.query(`SELECT on_hand, reserved FROM stock_level WHERE location_id = $1 AND variant_id = $2`, [storeId, variant.id]);
      expect(level).toEqual({ on_hand: 10, reserved: 10 });
      const {
        rows: [ledger],
      } = await db.query(
        `SELECT SUM(on_hand_delta)::int AS on_hand, SUM(reserved_delta)::int AS reserved, count(*) FILTER (WHERE type = 'RESERVATION')::int AS holds
      FROM stock_movement WHERE location_id = $1 AND variant_id = $2`,
        [storeId, variant.id],
      );
      expect(ledger).toEqual({ on_hand: 10, reserved: 10, holds: 10 });
    }, 120_000);

    it('retries of one idempotency key in parallel on both processes make one order', async () => {
      await apis[0].gql(
        `mutation($input: StockAdjustInput!) { stockAdjust(input: $input) { stockLevel { onHand } } }`,
        { input: { locationId: storeId, sku: variant.sku, delta: 5 } },
        { token: admin },
      );
      const cartId = await cart(apis[0]);
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          apis[i % 2].gql(O.checkout, { input: { cartId, idempotencyKey: key, contact: { email: 'retry@test.example' } } }),
        ),
      );
      expect(new Set(results.map((r) => r.data.checkout.order?.id)).size).toBe(1);
      expect(results.every((r) => r.data.checkout.order)).toBe(true);
      const {
        rows: [{ n }],
      } = await db.query(`SELECT count(*)::int AS n FROM customer_order WHERE idempotency_key = $1`, [key]);
      expect(n).toBe(1);
      const {
        rows: [level],
      } = await db.query(`SELECT reserved FROM stock_level WHERE location_id = $1 AND variant_id = $2`, [storeId, variant.id]);
      expect(level.reserved).toBe(11);
    }, 60_000);

    it('retries of one assisted order (no cart to wait on: the unique (scope, key) decides) on both processes make one order', async () => {
      const reserved = async () =>
        (await db.query(`SELECT reserved FROM stock_level WHERE location_id = $1 AND variant_id = $2`, [storeId, variant.id])).rows[0]
          .reserved as number;
      const before = await reserved();
      const key = randomUUID();
      const input = {
        locationId: storeId,
        idempotencyKey: key,
        contact: { email: 'assisted@test.example' },
        lines: [{ variantId: variant.id, quantity: 1 }],
        delivery: { type: 'PICKUP', locationId: storeId },
      };
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          apis[i % 2].gql(
            `mutation($input: AssistedOrderInput!) { assistedOrderCreate(input: $input) { order { id } userErrors { code } } }`,
            { input },
            { token: admin },
          ),
        ),
      );
      expect(results.map((r) => r.errors ?? r.data.assistedOrderCreate.userErrors)).toEqual(results.map(() => []));
      expect(new Set(results.map((r) => r.data.assistedOrderCreate.order.id)).size).toBe(1);
      const { rows } = await db.query(`SELECT idempotency_scope AS scope FROM customer_order WHERE idempotency_key = $1`, [key]);
      expect(rows).toEqual([{ scope: expect.stringMatching(/^staff:/) }]);
      expect(await reserved()).toBe(before + 1);
    }, 60_000);
  },
);
