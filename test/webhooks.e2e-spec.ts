import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock, TransactionHost } from '@app/common';
import { verifySignature, WebhookDispatcher, WebhookEventType, WebhookOutbox } from '@app/webhooks';
import { moveClock, type MovableClock } from './support/clock.js';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { addLines, guestCart, O, pickup, registerShopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const E = 'userErrors { code field message }';
const ENDPOINT = 'id url events active consecutiveFailures disabledAt disabledReason createdAt';
const W = {
  create: `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { endpoint { ${ENDPOINT} } secret ${E} } }`,
  update: `mutation($id: ID!, $input: WebhookEndpointUpdateInput!) { webhookEndpointUpdate(id: $id, input: $input) { endpoint { ${ENDPOINT} } secret ${E} } }`,
  delete: `mutation($id: ID!) { webhookEndpointDelete(id: $id) { endpoint { id } ${E} } }`,
  list: `query { webhookEndpoints { ${ENDPOINT} } }`,
  deliveries: `query($id: ID!, $first: Int!, $after: String) { webhookDeliveries(endpointId: $id, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { cursor node { id eventId eventType attemptedAt statusCode error durationMs succeeded } } } }`,
};

/** What the receiver does with the next request to a path: answer 200, answer 500, or never answer. */
type Behaviour = 'ok' | 'fail' | 'hang';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number | null;
}

/**
 * The retailer's side: a real HTTP receiver on loopback that the test scripts (fails, times out, recovers),
 * against the real AppModule. Senders run by hand (BACKGROUND_JOBS=false) and the app's clock is moved for
 * the backoff, so nothing sleeps but the one timeout (WEBHOOK_TIMEOUT_MS, 2 s here: room for a loaded machine's successful deliveries).
 */
describe('webhooks: signed, at least once, in order per order', () => {
  let t: TestApp;
  let clock: MovableClock;
  let receiver: Server;
  let base: string;
  let dispatcher: WebhookDispatcher;
  let admin: string;
  let storeId: string;
  let variantId: string;
  const received: Received[] = [];
  const script = new Map<string, Behaviour[]>();
  const hanging = new Set<() => void>();

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const next = script.get(path)?.shift() ?? 'ok';
        const r: Received = { path, headers: req.headers, body, answered: null };
        received.push(r);
        if (next === 'hang') {
          hanging.add(() => res.destroy());
          return;
        }
        r.answered = next === 'ok' ? 200 : 500;
        res.writeHead(r.answered).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    t = await startTestApp({ BACKGROUND_JOBS: 'false', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_DISABLE_AFTER_FAILURES: '3' });
    clock = moveClock(t.app);
    dispatcher = t.app.get(WebhookDispatcher);
    admin = await adminToken(t);
    storeId = (await createLocation(t, admin, { pickupEnabled: true })).id;
    const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
    variantId = v.id;
    await adjust(t, admin, storeId, v.sku, 1000);
  });
  afterAll(async () => {
    clock?.restore();
    await t?.close();
    for (const end of hanging) end();
    await new Promise((r) => receiver.close(r));
  });

  const create = async (path: string, events: string[]) => {
    const r = await t.gql(W.create, { input: { url: `${base}${path}`, events } }, { token: admin });
    expect(r.errors).toBeUndefined();
    expect(r.data.webhookEndpointCreate.userErrors).toEqual([]);
    return r.data.webhookEndpointCreate as { endpoint: { id: string; active: boolean }; secret: string };
  };
  const remove = async (id: string) =>
    expect((await t.gql(W.delete, { id }, { token: admin })).data.webhookEndpointDelete.userErrors).toEqual([]);
  const place = async (quantity = 1) => {
    const cart = await guestCart(t);
    await addLines(t, cart.id, [pickup(variantId, storeId, quantity)]);
    const r = await t.gql(O.checkout, {
      input: { cartId: cart.id, idempotencyKey: randomUUID(), contact: { email: 'hook@test.example' } },
    });
    expect(r.data.checkout.userErrors).toEqual([]);
    return r.data.checkout.order as { id: string; number: string; fulfillments: { id: string; pickupCode: string }[] };
  };
  const act = async (query: string, vars: Record<string, unknown>) => {
    const r = await t.gql(query, vars, { token: admin });
    expect(r.errors).toBeUndefined();
    expect((Object.values(r.data)[0] as { userErrors: unknown[] }).userErrors).toEqual([]);
  };
  /** Every delivery that is due now, until none is (the senders' loop, run by hand). */
  const drain = async () => {
    while ((await dispatcher.deliverDue()) > 0) {
      /* until nothing is due */
    }
  };
  /** The app's time (moved by the test) in unix seconds: what a receiver's clock would read. */
  const appNow = () => Math.floor(t.app.get(Clock).now() / 1000);
  const at = (path: string) => received.filter((r) => r.path === path);
  const parsed = (r: Received) => JSON.parse(r.body) as { id: string; type: string; createdAt: string; data: Record<string, string> };
  /** The events of an order as written to the outbox for one endpoint, in delivery order. */
  const queued = async (endpointId: string, orderId: string): Promise<string[]> =>
    (
      await t.db.query(
        `SELECT e.id, e.type FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
          WHERE d.endpoint_id = $1 AND e.data->>'orderId' = $2 ORDER BY d.id`,
        [endpointId, orderId],
      )
    ).map((r: { id: string; type: string }) => `${r.type}:${r.id}`);

  it('lets only admins manage endpoints and read deliveries: staff and customers are refused', async () => {
    const manager = await createStaff(t, admin, 'MANAGER', storeId);
    const associate = await createStaff(t, admin, 'ASSOCIATE', storeId);
    const customer = await registerShopper(t);
    const { endpoint } = await create('/authz', ['ORDER_PLACED']);
    const calls: [string, Record<string, unknown>][] = [
      [W.create, { input: { url: `${base}/x`, events: ['ORDER_PLACED'] } }],
      [W.update, { id: endpoint.id, input: { active: false } }],
      [W.delete, { id: endpoint.id }],
      [W.list, {}],
      [W.deliveries, { id: endpoint.id, first: 10 }],
    ];
    for (const [query, vars] of calls) {
      for (const token of [manager.token, associate.token, customer.token])
        expect(codes(await t.gql(query, vars, { token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(query, vars))).toEqual(['UNAUTHENTICATED']);
    }
    const [row] = (await t.gql(W.list, {}, { token: admin })).data.webhookEndpoints.filter((e: { id: string }) => e.id === endpoint.id);
    expect(row.active).toBe(true); // the refused update changed nothing
    await remove(endpoint.id);
  });

  it('refuses bad input with stable codes and creates nothing', async () => {
    const before = (await t.gql(W.list, {}, { token: admin })).data.webhookEndpoints.length;
    for (const url of ['ftp://example.com/x', 'not a url', '/relative/path', 'javascript:alert(1)']) {
      const r = await t.gql(W.create, { input: { url, events: ['ORDER_PLACED'] } }, { token: admin });
      expect(r.data.webhookEndpointCreate).toMatchObject({
        endpoint: null,
        secret: null,
        userErrors: [{ code: 'INVALID_URL', field: ['url'] }],
      });
    }
    const unknownEvent = await t.gql(W.create, { input: { url: `${base}/x`, events: ['ORDER_EXPLODED'] } }, { token: admin });
    expect(unknownEvent.status).toBe(400);
    expect(codes(unknownEvent)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(W.create, { input: { url: `${base}/x`, events: [] } }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql(W.list, {}, { token: admin })).data.webhookEndpoints).toHaveLength(before);
    expect(codes(await t.gql(W.update, { id: randomUUID(), input: { active: true } }, { token: admin }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(W.deliveries, { id: randomUUID(), first: 5 }, { token: admin }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(W.deliveries, { id: randomUUID(), first: 500 }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
  });

  it('shows the secret once: never in the list, nor in an update', async () => {
    const { endpoint, secret } = await create('/secret', ['ORDER_PLACED']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(codes(await t.gql(`query { webhookEndpoints { id secret } }`, {}, { token: admin }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const u = await t.gql(W.update, { id: endpoint.id, input: { events: ['ORDER_UPDATED'] } }, { token: admin });
    expect(u.data.webhookEndpointUpdate).toMatchObject({ secret: null, endpoint: { events: ['ORDER_UPDATED'] }, userErrors: [] });
    const audit = await t.gql(
      `query($id: String!) { auditLog(first: 10, subjectId: $id) { action before after } }`,
      { id: endpoint.id },
      { token: admin },
    );
    expect(audit.data.auditLog.map((a: { action: string }) => a.action)).toEqual(['WEBHOOK_ENDPOINT_UPDATED', 'WEBHOOK_ENDPOINT_CREATED']);
    expect(JSON.stringify(audit.data.auditLog)).not.toContain(secret);
    await remove(endpoint.id);
  });

  it("delivers an order's events signed, in order, through a failure and a timeout, under the same event id", async () => {
    const { endpoint, secret } = await create('/orders', ['ORDER_PLACED', 'ORDER_UPDATED', 'FULFILLMENT_UPDATED']);
    const order = await place();
    const [f] = order.fulfillments;
    await act(O.markReady, { id: f.id });
    await act(O.collect, { id: f.id, code: f.pickupCode });
    const expected = await queued(endpoint.id, order.id);
    expect(expected.map((e) => e.split(':')[0])).toEqual(['ORDER_PLACED', 'FULFILLMENT_UPDATED', 'FULFILLMENT_UPDATED', 'ORDER_UPDATED']);

    script.set('/orders', ['fail', 'hang']);
    await drain();
    expect(at('/orders')).toHaveLength(1); // the first failed: the order's later events wait behind it
    await drain();
    expect(at('/orders')).toHaveLength(1); // not due before its backoff
    clock.advance(30_000); // the first retry comes within 30 s
    await drain();
    expect(at('/orders')).toHaveLength(2); // timed out (2 s): still only the first event
    clock.advance(30_000);
    await drain();

    const got = at('/orders');
    expect(got.map((r) => `${parsed(r).type}:${parsed(r).id}`)).toEqual([expected[0], expected[0], ...expected]);
    for (const r of got) {
      const header = String(r.headers['x-webhook-signature']);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(secret, header, r.body, appNow())).toBe(true);
      expect(r.headers['content-type']).toBe('application/json');
    }
    const bodies = got.slice(2).map(parsed);
    expect(bodies[0]).toMatchObject({ type: 'ORDER_PLACED', data: { orderId: order.id, orderNumber: order.number, status: 'PLACED' } });
    expect(bodies.slice(1).map((b) => [b.type, b.data.fulfillmentId ?? null, b.data.status])).toEqual([
      ['FULFILLMENT_UPDATED', f.id, 'READY_FOR_PICKUP'],
      ['FULFILLMENT_UPDATED', f.id, 'COLLECTED'],
      ['ORDER_UPDATED', null, 'COMPLETED'],
    ]);
    expect(Object.keys(bodies[0]).sort()).toEqual(['createdAt', 'data', 'id', 'type']);

    // The log: newest first, with the status, the error, the time taken; a page at a time.
    const page = async (after?: string) =>
      (await t.gql(W.deliveries, { id: endpoint.id, first: 4, after }, { token: admin })).data.webhookDeliveries;
    const p1 = await page();
    const p2 = await page(p1.pageInfo.endCursor);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const log = [...p1.edges, ...p2.edges].map((e: { node: Record<string, unknown> }) => e.node).reverse();
    expect(log.map((a) => [a.eventType, a.statusCode, a.succeeded])).toEqual([
      ['ORDER_PLACED', 500, false],
      ['ORDER_PLACED', null, false],
      ['ORDER_PLACED', 200, true],
      ['FULFILLMENT_UPDATED', 200, true],
      ['FULFILLMENT_UPDATED', 200, true],
      ['ORDER_UPDATED', 200, true],
    ]);
    expect(log[0].error).toBe('HTTP 500');
    expect(log[1].error).toBe('timed out after 2000 ms');
    expect(log[1].durationMs).toBeGreaterThanOrEqual(1900);
    expect(log[2].eventId).toBe(bodies[0].id);
    await remove(endpoint.id);
  });

  it('loses and reorders nothing with several senders at once and failures between', async () => {
    const { endpoint } = await create('/many', ['ORDER_PLACED', 'FULFILLMENT_UPDATED', 'ORDER_UPDATED']);
    const orders = await Promise.all([1, 2, 3, 4, 5].map(() => place()));
    for (const o of orders) await act(O.markReady, { id: o.fulfillments[0].id });
    await Promise.all(orders.map((o) => act(O.cancel, { id: o.id })));
    // Every third request fails; three senders run together, as three processes would.
    script.set(
      '/many',
      Array.from({ length: 60 }, (_, i): Behaviour => (i % 3 === 2 ? 'fail' : 'ok')),
    );
    for (let round = 0; round < 12; round++) {
      await Promise.all([drain(), drain(), drain()]);
      clock.advance(3_600_000);
    }
    for (const o of orders) {
      const expected = await queued(endpoint.id, o.id);
      expect(expected.map((e) => e.split(':')[0])).toEqual(['ORDER_PLACED', 'FULFILLMENT_UPDATED', 'FULFILLMENT_UPDATED', 'ORDER_UPDATED']);
      const accepted = at('/many')
        .filter((r) => r.answered === 200 && parsed(r).data.orderId === o.id)
        .map((r) => `${parsed(r).type}:${parsed(r).id}`);
      expect(accepted).toEqual(expected); // each once, in order
    }
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = $1 AND delivered_at IS NULL`, [
      endpoint.id,
    ]);
    expect(n).toBe(0);
    await remove(endpoint.id);
  });

  it('sends again, under the same event id, what a sender that died had leased', async () => {
    const { endpoint } = await create('/lease', ['ORDER_PLACED']);
    const o = await place();
    const [taken] = await dispatcher.claim(); // a sender takes it, then dies before sending
    expect(taken.eventId).toBeDefined();
    await drain();
    expect(at('/lease')).toHaveLength(0); // leased: no other sender takes it
    clock.advance(33_000); // the lease (timeout + 30 s) runs out
    await drain();
    expect(at('/lease').map((r) => [parsed(r).id, parsed(r).data.orderId])).toEqual([[taken.eventId, o.id]]);
    await remove(endpoint.id);
  });

  it('disables an endpoint after repeated failures, and an admin re-enables it: what was pending is sent at once', async () => {
    const { endpoint, secret } = await create('/down', ['ORDER_PLACED']);
    script.set('/down', ['fail', 'fail', 'fail']);
    const first = await place();
    for (let i = 0; i < 3; i++) {
      await drain();
      clock.advance(3_600_000);
    }
    const [row] = (await t.gql(W.list, {}, { token: admin })).data.webhookEndpoints.filter((e: { id: string }) => e.id === endpoint.id);
    expect(row).toMatchObject({ active: false, consecutiveFailures: 3 });
    expect(row.disabledReason).toContain('3 failed attempts in a row');
    const metrics = (await t.http().get('/metrics')).text;
    expect(metrics).toMatch(/^webhook_endpoints_disabled 1$/m);
    expect(metrics).toMatch(/^webhook_backlog 0$/m); // what it holds no longer counts as waiting
    await drain();
    expect(at('/down')).toHaveLength(3); // nothing more is sent to it
    const whileDown = await place();
    expect(await queued(endpoint.id, whileDown.id)).toEqual([]); // nor queued for it

    const on = await t.gql(W.update, { id: endpoint.id, input: { active: true } }, { token: admin });
    expect(on.data.webhookEndpointUpdate.endpoint).toMatchObject({
      active: true,
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
    });
    await drain(); // no clock move: re-enabling makes the pending delivery due now
    const last = at('/down').at(-1)!;
    expect([last.answered, parsed(last).data.orderId]).toEqual([200, first.id]);
    expect(verifySignature(secret, String(last.headers['x-webhook-signature']), last.body, appNow())).toBe(true);
    await remove(endpoint.id);
  });

  it('writes events only with the change that committed, and nothing when no endpoint wants the type', async () => {
    const events = async (orderId: string) =>
      (await t.db.query(`SELECT type FROM webhook_event WHERE data->>'orderId' = $1 ORDER BY created_at`, [orderId])).map(
        (r: { type: string }) => r.type,
      );
    const none = await place();
    expect(await events(none.id)).toEqual([]); // no endpoint at all
    const { endpoint } = await create('/placed-only', ['ORDER_PLACED']);
    const o = await place();
    await act(O.cancel, { id: o.id });
    expect(await events(o.id)).toEqual(['ORDER_PLACED']); // FULFILLMENT_UPDATED and ORDER_UPDATED have no subscriber

    const outbox = t.app.get(WebhookOutbox);
    const orderId = randomUUID();
    await expect(
      t.app.get(TransactionHost).run(async () => {
        await outbox.emit(WebhookEventType.ORDER_PLACED, { orderId, orderNumber: 'X' });
        throw new Error('the change failed after the event was written');
      }),
    ).rejects.toThrow('the change failed');
    expect(await events(orderId)).toEqual([]); // rolled back with it
    await expect(outbox.emit(WebhookEventType.ORDER_PLACED, { orderId })).rejects.toThrow(/inside the transaction/);
    await remove(endpoint.id);
  });
});
