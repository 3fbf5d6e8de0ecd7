import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { freePortBlock, testProcessEnv } from './support/api-process.js';
import { O, Q } from './support/shoppers.js';
import { ADMIN, type AnyJson } from './support/test-app.js';
import { testDatabaseUrl, usingRealPostgres } from './support/test-database.js';
import { subscribe, wsClient } from './support/ws.js';

/**
 * `npm run start:cluster` (scripts/cluster.mjs): two API processes and a worker on one PostgreSQL and one
 * Redis. Needs DATABASE_URL and REDIS_URL (PGlite and the in-process Redis serve one process), so it is
 * skipped without them.
 */
const real = usingRealPostgres() && Boolean(process.env.REDIS_URL);
(real ? describe : describe.skip)('two API processes and a worker (needs DATABASE_URL and REDIS_URL; skipped without them)', () => {
  let cluster: ChildProcess;
  let out = '';
  let port: number;
  let db: pg.Client;
  let admin: string;
  let storeId: string;
  let variant: { id: string; sku: string };
  const api = (n: 0 | 1) => `http://127.0.0.1:${port + n}`;
  const gql = async (n: 0 | 1, query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${api(n)}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<AnyJson>;
  };
  const pidOf = (name: string) => Number(new RegExp(`cluster: ${name} pid (\\d+)`).exec(out)?.[1]);

  beforeAll(async () => {
    const url = (await testDatabaseUrl())!;
    db = new pg.Client({ connectionString: url });
    await db.connect();
    port = await freePortBlock(2); // the cluster's two API processes listen on port and port + 1
    cluster = spawn(process.execPath, ['scripts/cluster.mjs'], {
      // A cached endpoint list that only an event can drop within the test: the webhooks test relies on the event.
      env: {
        ...testProcessEnv(port, url),
        NOTIFICATION_LEASE_SECONDS: '2',
        BACKGROUND_INTERVAL_MS: '200',
        WEBHOOK_ENDPOINT_CACHE_MS: '600000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster.stdout!.on('data', (d) => (out += d));
    cluster.stderr!.on('data', (d) => (out = (out + d).slice(-20000)));
    for (let i = 0; ; i++) {
      const up = await Promise.all(
        [0, 1].map((n) =>
          fetch(`${api(n as 0 | 1)}/health`).then(
            (r) => r.ok,
            () => false,
          ),
        ),
      );
      if (up.every(Boolean)) break;
      if (cluster.exitCode !== null || i > 600) throw new Error(`cluster did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    admin = (await gql(0, `mutation($input: StaffLoginInput!) { staffLogin(input: $input) { token } }`, { input: ADMIN })).data.staffLogin
      .token;
    storeId = (
      await gql(
        0,
        `mutation($input: LocationCreateInput!) { locationCreate(input: $input) { location { id } } }`,
        { input: { code: `MP-${Date.now()}`, name: 'Cluster store', type: 'STORE', geo: { lat: 48.85, lng: 2.3 } } },
        admin,
      )
    ).data.locationCreate.location.id;
    const sku = `MP-${Date.now()}`;
    variant = (
      await gql(
        0,
        `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { variants { id sku } } } }`,
        { input: { slug: sku.toLowerCase(), name: 'Cluster scarf', variants: [{ sku, price: { amount: 2900, currency: 'EUR' } }] } },
        admin,
      )
    ).data.productCreate.product.variants[0];
  }, 120_000);
  afterAll(async () => {
    if (cluster && cluster.exitCode === null) {
      cluster.kill('SIGTERM');
      await new Promise((r) => cluster.once('exit', r));
    }
    await db?.end();
  });

  const adjust = (n: 0 | 1, delta: number) =>
    gql(
      n,
      `mutation($input: StockAdjustInput!) { stockAdjust(input: $input) { stockLevel { available } userErrors { code } } }`,
      { input: { locationId: storeId, sku: variant.sku, delta, reason: 'RECEIPT' } },
      admin,
    );

  it('a subscriber on one process hears a stock change made on the other', async () => {
    const ws = wsClient(api(0));
    const sub = subscribe<{ stockChanged: { available: number } }>(
      ws,
      `subscription($l: ID!, $s: String!) { stockChanged(locationId: $l, sku: $s) { available } }`,
      { l: storeId, s: variant.sku },
    );
    await new Promise((r) => setTimeout(r, 300));
    await adjust(1, 100);
    await sub.next((e) => e.stockChanged.available === 100, 10_000); // arrives over Redis: a deadline, not a bound
    sub.stop();
    await ws.dispose();
  });

  it('an endpoint created on one process is heard by checkouts on the other, and the worker delivers', async () => {
    const bodies: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const checkout = async (n: 0 | 1, i: number) => {
        const cartId = (await gql(n, Q.cartCreate)).data.cartCreate.cart.id;
        await gql(n, Q.cartLinesAdd, {
          cartId,
          lines: [{ variantId: variant.id, quantity: 1, fulfillment: { type: 'PICKUP', locationId: storeId } }],
        });
        const r = await gql(n, O.checkout, {
          input: { cartId, idempotencyKey: randomUUID(), contact: { email: `hook${i}@test.example`, phone: '+33600000000' } },
        });
        return r.data.checkout.order.id as string;
      };
      await checkout(1, 0); // api-2 now keeps "no endpoint wants ORDER_PLACED" (for 10 minutes, unless told)
      const created = await gql(
        0,
        `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { endpoint { id } userErrors { code } } }`,
        { input: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ['ORDER_PLACED'] } },
        admin,
      );
      expect(created.data.webhookEndpointCreate.userErrors).toEqual([]);
      await new Promise((r) => setTimeout(r, 500)); // the event crosses Redis: a deadline, not a bound
      const orderId = await checkout(1, 1);
      const deadline = Date.now() + 20_000;
      while (!bodies.some((b) => b.includes(orderId))) {
        if (Date.now() > deadline) throw new Error(`no webhook for ${orderId}; got ${bodies.length}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(JSON.parse(bodies.find((b) => b.includes(orderId))!)).toMatchObject({ type: 'ORDER_PLACED', data: { orderId } });
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  }, 60_000);

  it('killing an API process in the middle of checkouts loses no reservation and no notification', async () => {
    const carts: [0 | 1, string][] = [];
    for (let i = 0; i < 60; i++) {
      const n = (i % 2) as 0 | 1;
      const id = (await gql(n, Q.cartCreate)).data.cartCreate.cart.id;
      await gql(n, Q.cartLinesAdd, {
        cartId: id,
        lines: [{ variantId: variant.id, quantity: 1, fulfillment: { type: 'PICKUP', locationId: storeId } }],
      });
      carts.push([n, id]);
    }
    // api-2 is killed as soon as it has answered its first checkout, with the others still in flight.
    let killed = false;
    const attempts = carts.map(([n, cartId], i) =>
      gql(n, O.checkout, {
        input: { cartId, idempotencyKey: randomUUID(), contact: { email: `kill${i}@test.example`, phone: '+33600000000' } },
      }).then(
        (r) => {
          if (n === 1 && !killed) {
            killed = true;
            process.kill(pidOf('api-2'), 'SIGKILL');
          }
          return r;
        },
        () => null,
      ),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === null).length).toBeGreaterThan(0); // some checkouts died with api-2

    // Every hold belongs to a committed order, and every committed order holds its unit.
    const {
      rows: [level],
    } = await db.query(`SELECT on_hand, reserved FROM stock_level WHERE location_id = $1 AND variant_id = $2`, [storeId, variant.id]);
    const {
      rows: [orders],
    } = await db.query(`SELECT count(*)::int AS n FROM order_line WHERE variant_id = $1`, [variant.id]);
    expect(level).toEqual({ on_hand: 100, reserved: orders.n });
    const {
      rows: [ledger],
    } = await db.query(
      `SELECT SUM(on_hand_delta)::int AS on_hand, SUM(reserved_delta)::int AS reserved FROM stock_movement WHERE location_id = $1 AND variant_id = $2`,
      [storeId, variant.id],
    );
    expect(ledger).toEqual(level);
    expect(orders.n).toBeGreaterThan(0);

    // Every committed order's confirmation (email and text) is sent by the survivors, leased rows included.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const {
        rows: [n],
      } = await db.query(`SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(*)::int AS total FROM notification`);
      if (n.sent === n.total && n.total === 2 * orders.n) break;
      if (Date.now() > deadline) throw new Error(`notifications: ${JSON.stringify(n)} for ${orders.n} orders`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 120_000);

  it('SIGTERM drains: subscriptions are closed cleanly (1001) and every process exits 0', async () => {
    const ws = wsClient(api(0));
    subscribe(ws, `subscription($l: ID!, $s: String!) { stockChanged(locationId: $l, sku: $s) { available } }`, {
      l: storeId,
      s: variant.sku,
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((r) => cluster.once('exit', r));
    cluster.kill('SIGTERM');
    expect(await ws.closed).toBe(1001);
    await exited;
    expect(out.match(/cluster: \S+ exited \(\S+\)/g)).toEqual(
      expect.arrayContaining(['cluster: api-1 exited (0)', 'cluster: worker exited (0)']),
    );
  }, 60_000);
});
