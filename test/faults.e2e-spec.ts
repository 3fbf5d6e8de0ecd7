import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { freePort } from './support/api-process.js';
import { hasRedisServer, startRedis, stopRedis } from './support/redis-server.js';
import { adjust, adminToken, createLocation, createProduct } from './support/factories.js';
import { addLines, guestCart, O, pickup, unbalancedLevels } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseUrl, usingRealPostgres } from './support/test-database.js';

interface Shop {
  t: TestApp;
  storeId: string;
  variantId: string;
  sku: string;
}

async function shop(env: Record<string, string>, units: number): Promise<Shop> {
  const t = await startTestApp({ BACKGROUND_JOBS: 'false', ...env });
  const admin = await adminToken(t);
  const storeId = (await createLocation(t, admin)).id;
  const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
  await adjust(t, admin, storeId, v.sku, units);
  return { t, storeId, variantId: v.id, sku: v.sku };
}

async function cartFor(s: Shop): Promise<string> {
  const c = await guestCart(s.t);
  await addLines(s.t, c.id, [pickup(s.variantId, s.storeId)]);
  return c.id;
}

const checkout = (s: Shop, cartId: string, key: string) =>
  s.t.gql(O.checkout, { input: { cartId, idempotencyKey: key, contact: { email: 'fault@test.example' } } });

/** The shop's books: orders equal holds, and every level equals its ledger. */
async function booksBalance(s: Shop): Promise<{ orders: number; reserved: number; unbalanced: number; duplicateKeys: number }> {
  const [{ orders }] = await s.t.db.query(`SELECT count(*)::int AS orders FROM order_line WHERE variant_id = $1`, [s.variantId]);
  const [{ reserved }] = await s.t.db.query(`SELECT reserved FROM stock_level WHERE location_id = $1 AND variant_id = $2`, [
    s.storeId,
    s.variantId,
  ]);
  const [{ dup }] = await s.t.db.query(
    `SELECT count(*)::int AS dup FROM (SELECT idempotency_key FROM customer_order GROUP BY 1 HAVING count(*) > 1) d`,
  );
  return { orders, reserved, unbalanced: await unbalancedLevels(s.t), duplicateKeys: dup };
}

(hasRedisServer ? describe : describe.skip)('Redis stops and comes back during checkouts (needs redis-server on PATH)', () => {
  let redis: ChildProcess;
  let port: number;
  let s: Shop;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    s = await shop({ REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_CHECKOUTS_PER_MINUTE: '1000' }, 100);
  });
  afterAll(async () => {
    await s?.t.close();
    if (redis.exitCode === null) await stopRedis(redis);
  });

  it('checkouts go on without Redis, health says so, and it recovers when Redis returns', async () => {
    const carts = await Promise.all(Array.from({ length: 30 }, () => cartFor(s)));
    const placed: string[] = [];
    const run = async (slice: string[]) => {
      for (const r of await Promise.all(slice.map((c) => checkout(s, c, randomUUID())))) {
        expect(r.errors).toBeUndefined();
        placed.push(r.data.checkout.order.id);
      }
    };
    await run(carts.slice(0, 10));
    await stopRedis(redis);
    await run(carts.slice(10, 20)); // rate limits fall back, events are dropped: orders still go through
    const health = await s.t.http().get('/health');
    expect(health.body.details?.redis?.status ?? health.body.error?.redis?.status).toBe('down');
    expect((await s.t.http().get('/health/ready')).status).toBe(200); // PostgreSQL is what readiness needs
    redis = await startRedis(port);
    for (let i = 0; (await s.t.http().get('/health')).status !== 200; i++) {
      if (i > 100) throw new Error('the API did not see Redis come back');
      await new Promise((r) => setTimeout(r, 100));
    }
    await run(carts.slice(20));
    expect(new Set(placed).size).toBe(30);
    expect(await booksBalance(s)).toEqual({ orders: 30, reserved: 30, unbalanced: 0, duplicateKeys: 0 });
  });
});

describe('Redis unreachable from the start', () => {
  let s: Shop;

  beforeAll(async () => {
    const port = await freePort(); // nothing listens there
    s = await shop({ REDIS_URL: `redis://127.0.0.1:${port}` }, 5);
  });
  afterAll(() => s?.t.close());

  it('the API starts and sells; health names Redis as down; live updates say they are unavailable', async () => {
    const r = await checkout(s, await cartFor(s), randomUUID());
    expect(r.data.checkout.userErrors).toEqual([]);
    const health = await s.t.http().get('/health');
    expect(health.status).toBe(503);
    expect(health.body.details.redis.status).toBe('down');
    expect(health.body.details.database.status).toBe('up');
    expect((await s.t.http().get('/health/ready')).status).toBe(200);
    expect(await booksBalance(s)).toEqual({ orders: 1, reserved: 1, unbalanced: 0, duplicateKeys: 0 });
  });
});

(usingRealPostgres() ? describe : describe.skip)(
  'PostgreSQL connections killed during checkouts (needs DATABASE_URL: PGlite has no backends to kill)',
  () => {
    let s: Shop;
    let killer: pg.Client;

    beforeAll(async () => {
      s = await shop({}, 20);
      killer = new pg.Client({ connectionString: (await testDatabaseUrl())! });
      await killer.connect();
    });
    afterAll(async () => {
      await killer?.end();
      await s?.t.close();
    });

    it('in-flight requests fail as retryable SERVICE_UNAVAILABLE; retries with the same keys place each order once', async () => {
      const [{ db }] = await s.t.db.query(`SELECT current_database() AS db`);
      const carts = await Promise.all(Array.from({ length: 40 }, () => cartFor(s)));
      const keys = carts.map(() => randomUUID());
      let killing = true;
      let killed = 0;
      const kills = (async () => {
        while (killing) {
          const { rows } = await killer.query(
            `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND application_name = 'commerce-api' AND pid <> pg_backend_pid()`,
            [db],
          );
          killed += rows.filter((r) => r.ok).length;
          await new Promise((r) => setTimeout(r, 15));
        }
      })();
      const first = await Promise.all(carts.map((c, i) => checkout(s, c, keys[i]).catch(() => null)));
      killing = false;
      await kills;
      expect(killed).toBeGreaterThan(0);
      const outcome = (r: Awaited<ReturnType<typeof checkout>> | null) =>
        r?.data?.checkout?.order
          ? 'ORDER'
          : (r?.data?.checkout?.userErrors?.[0]?.code ?? r?.errors?.[0]?.extensions?.code ?? 'NO_RESPONSE');
      const seen = new Set(first.map(outcome));
      for (const o of seen) expect(['ORDER', 'OUT_OF_STOCK', 'SERVICE_UNAVAILABLE']).toContain(o);
      const unavailable = first.map(outcome).filter((o) => o === 'SERVICE_UNAVAILABLE');
      for (const r of first) if (outcome(r) === 'SERVICE_UNAVAILABLE') expect(r!.errors![0].extensions).toMatchObject({ retryable: true });
      void unavailable;

      // The database is back: retrying every checkout with its key gives each cart one answer, and 20 orders in all.
      const retried = await Promise.all(carts.map((c, i) => checkout(s, c, keys[i])));
      expect(new Set(retried.map(outcome))).toEqual(new Set(['ORDER', 'OUT_OF_STOCK']));
      const orderIds = retried.filter((r) => r.data.checkout.order).map((r) => r.data.checkout.order.id);
      expect(new Set(orderIds).size).toBe(20);
      expect(await booksBalance(s)).toEqual({ orders: 20, reserved: 20, unbalanced: 0, duplicateKeys: 0 });
    });
  },
);
