import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { BulkLoader } from '@app/demo-data';
import { MIGRATIONS } from '../migrations/index.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseUrl } from './support/test-database.js';
import { EmbeddedPostgres } from '@app/common';

describe('platform: health, demo data, protocol errors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_DATA: 'true' });
  });
  afterAll(() => t?.close());

  it('GET /health reports the database and Redis', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up' } } });
    expect(res.body.details.database.kind).toBe(process.env.TEST_DB_SERVER_URL ? 'postgres' : 'pglite');
    expect(res.body.details.redis.kind).toBe(process.env.REDIS_URL ? 'redis' : 'memory');
  });

  it('an empty database gets the demo retailer, with sizes missing in some stores', async () => {
    const [counts] = await t.db.query(`SELECT
      (SELECT count(*) FROM product)::int AS products,
      (SELECT count(*) FROM location WHERE type = 'STORE')::int AS stores,
      (SELECT count(*) FROM location WHERE type = 'WAREHOUSE')::int AS warehouses,
      (SELECT count(DISTINCT category) FROM product)::int AS categories`);
    expect(counts).toEqual({ products: 200, stores: 20, warehouses: 2, categories: expect.any(Number) });
    expect(counts.categories).toBeGreaterThan(5);
    // Some variant is stocked in one store and missing in another.
    const [{ uneven }] = await t.db.query(`SELECT count(*)::int AS uneven FROM product_variant v
      WHERE EXISTS (SELECT 1 FROM stock_level s JOIN location l ON l.id = s.location_id WHERE s.variant_id = v.id AND l.type = 'STORE')
        AND EXISTS (SELECT 1 FROM location l WHERE l.type = 'STORE' AND NOT EXISTS (SELECT 1 FROM stock_level s WHERE s.variant_id = v.id AND s.location_id = l.id))`);
    expect(uneven).toBeGreaterThan(100);
    // Every seeded level is backed by its ledger movement.
    const [{ unbalanced }] = await t.db.query(`SELECT count(*)::int AS unbalanced FROM stock_level s
      LEFT JOIN (SELECT location_id, variant_id, SUM(on_hand_delta) AS oh, SUM(reserved_delta) AS rs FROM stock_movement GROUP BY 1, 2) m USING (location_id, variant_id)
      WHERE m.oh IS DISTINCT FROM s.on_hand OR m.rs IS DISTINCT FROM s.reserved`);
    expect(unbalanced).toBe(0);
    const r = await t.gql(
      `mutation { staffLogin(input: { email: "manager.marais@example.com", password: "demo-password-1" }) { staff { role } } }`,
    );
    expect(r.data.staffLogin.staff.role).toBe('MANAGER');
  });

  it('the bulk loader adds a generated data set on top, in one transaction', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM stock_level`);
    const result = await t.app.get(BulkLoader).load({ products: 30, locations: 25, sizes: 4 });
    expect(result).toMatchObject({ products: 30, locations: 3, variants: 0 }); // same seeds as the demo: products exist, 3 new locations
    const more = await t.app.get(BulkLoader).load({ products: 230, locations: 22, sizes: 5 });
    expect(more.variants).toBe(30 * 5);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM stock_level`);
    expect(after[0].n).toBeGreaterThan(before[0].n);
  });

  it('malformed JSON is HTTP 400, not a crash', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send('{"query": "{ products(first: 1) { totalCount } ');
    expect(res.status).toBe(400);
  });

  it('refuses deeply nested queries before running them', async () => {
    let deep = 'id';
    for (let i = 0; i < 15; i++) deep = `variants { product { ${deep} } }`;
    const r = await t.gql(`query { products(first: 1) { edges { node { ${deep} } } } }`);
    expect(r.data?.products).toBeUndefined();
    // Too deep, and so also too costly: both limits report.
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Query depth limit of 12 exceeded, found 3\d\.$/),
      expect.stringMatching(/^Query Cost limit of 10000 exceeded/),
    ]);
  });

  it('answers GraphQL with cache-control: no-store, results and errors alike', async () => {
    for (const query of ['{ products(first: 1) { totalCount } }', '{ products(first: 1) { nope } }']) {
      const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('refuses an unknown x-channel', async () => {
    const r = await t.gql(`query { products(first: 1) { totalCount } }`, {}, { channel: 'FAX' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('migrations', () => {
  /** A database without even the migrations table (on PGlite, one of its own). */
  async function emptyDatabase(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
    const server = await testDatabaseUrl();
    if (!server) {
      const template = EmbeddedPostgres.template;
      EmbeddedPostgres.template = undefined; // empty: not the migrated dump the other tests start from
      try {
        const embedded = await EmbeddedPostgres.start('memory://');
        return { url: embedded.url, embedded };
      } finally {
        EmbeddedPostgres.template = template;
      }
    }
    // Named after the run, so the global teardown drops it with the others.
    const url = server.replace(
      /\/[^/]+$/,
      `/${process.env.TEST_DB_RUN ?? 'run'}_empty_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`,
    );
    const admin = new DataSource({ type: 'postgres', url: server });
    await admin.initialize();
    await admin.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`);
    await admin.destroy();
    return { url };
  }

  it('run from empty, create the constrained schema, and roll back', async () => {
    const { url, embedded } = await emptyDatabase();
    const ds = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS, extra: { max: 1 } });
    await ds.initialize();
    try {
      expect((await ds.runMigrations()).map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
      const tables = (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
        (r: { table_name: string }) => r.table_name,
      );
      expect(tables).toEqual(expect.arrayContaining(['location', 'product', 'product_variant', 'staff', 'stock_level', 'stock_movement']));
      const checks = (
        await ds.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'stock_level'::regclass AND contype = 'c' ORDER BY 1`)
      ).map((r: { conname: string }) => r.conname);
      expect(checks).toEqual(['CHK_stock_level_on_hand', 'CHK_stock_level_states']);
      expect(await ds.runMigrations()).toEqual([]);
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
      const left = await ds.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(left[0].n).toBe(0);
    } finally {
      await ds.destroy();
      await embedded?.stop();
    }
  });

  it('give orders placed before idempotency scopes the scope of who placed them', async () => {
    const { url, embedded } = await emptyDatabase();
    const at = MIGRATIONS.findIndex((M) => new M().name === 'IdempotencyScope1765100000001');
    const ds = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.slice(0, at), extra: { max: 1 } });
    await ds.initialize();
    try {
      await ds.runMigrations();
      const [{ id: customer }] = await ds.query(
        `INSERT INTO customer (email, password_hash, created_via) VALUES ('c@test.example', 'x', 'WEB') RETURNING id`,
      );
      const [{ id: staff }] = await ds.query(
        `INSERT INTO staff (email, password_hash, role) VALUES ('s@test.example', 'x', 'ADMIN') RETURNING id`,
      );
      const cart = async (customerId: string | null) =>
        (await ds.query(`INSERT INTO cart (customer_id, status, created_via) VALUES ($1, 'ORDERED', 'WEB') RETURNING id`, [customerId]))[0]
          .id as string;
      const [guestCart, customerCart, staffCart] = [await cart(null), await cart(customer), await cart(customer)];
      const order = (key: string, cartId: string | null, customerId: string | null, staffId: string | null) =>
        ds.query(
          `INSERT INTO customer_order (idempotency_key, cart_id, customer_id, placed_by_staff_id, channel, currency, subtotal, discount, total, contact_email)
         VALUES ($1, $2, $3, $4, 'WEB', 'EUR', 0, 0, 0, 'c@test.example')`,
          [key, cartId, customerId, staffId],
        );
      await order('guest', guestCart, null, null);
      await order('customer', customerCart, customer, null);
      await order('staff-checkout', staffCart, customer, staff);
      await order('assisted', null, customer, staff);
      const runner = ds.createQueryRunner(); // the same single connection (PGlite serves one)
      try {
        for (const M of MIGRATIONS.slice(at)) await new M().up(runner);
      } finally {
        await runner.release();
      }
      const rows = await ds.query(`SELECT idempotency_key AS key, idempotency_scope AS scope FROM customer_order`);
      expect(Object.fromEntries(rows.map((r: { key: string; scope: string }) => [r.key, r.scope]))).toEqual({
        guest: `cart:${guestCart}`,
        customer: `customer:${customer}`,
        'staff-checkout': `staff:${staff}`,
        assisted: `staff:${staff}`,
      });
      const unique = await ds.query(
        `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'UQ_order_idempotency_scope_key'`,
      );
      expect(unique).toEqual([{ def: 'UNIQUE (idempotency_scope, idempotency_key)' }]);
    } finally {
      await ds.destroy();
      await embedded?.stop();
    }
  });
});
