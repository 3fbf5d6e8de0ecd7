import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { adjust, adminToken, createLocation, createProduct } from './support/factories.js';
import { serverSubscriptions } from './support/subscribed.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';
import { firstAnswer, subscribe, wsClient } from './support/ws.js';

const deep = (n: number) => `${'variants { product { '.repeat(n)}id${' } }'.repeat(n)}`;

/**
 * GraphQL over WebSocket goes through the same policy as HTTP (issue 19, finding 1): before, graphql-ws ran
 * any operation with graphql-js's defaults. Each hostile document is sent both ways and must be refused
 * with the same code and message.
 */
describe('one policy for HTTP and WebSocket', () => {
  let t: TestApp;
  let url: string;
  let store: { id: string };
  let sku: string;
  const clients: ReturnType<typeof wsClient>[] = [];
  const client = (token?: string, channel?: string) => {
    const c = wsClient(url, token, channel);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp({
      BACKGROUND_JOBS: 'false',
      GRAPHQL_INTROSPECTION: 'false',
      SUBSCRIPTIONS_PER_CONNECTION: '3',
      SUBSCRIPTIONS_PER_CLIENT: '5',
    });
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    const admin = await adminToken(t);
    store = await createLocation(t, admin);
    sku = (await createProduct(t, admin, { sizes: ['U'] })).variants[0].sku;
    await adjust(t, admin, store.id, sku, 3);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.close();
  });

  const pages = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `p${i}: products(first: 100) { edges { node { slug variants { sku price { amount currency } availableOnline } } } }`,
    ).join(' ');
  const HOSTILE: [string, string][] = [
    ['nested 13 deep', `query { products(first: 1) { edges { node { ${deep(6)} } } } }`],
    [
      'a subscription nested too deep',
      `subscription { orderUpdated(id: "x") { fulfillments { lines { variant { product { ${deep(5)} } } } } } }`,
    ],
    ['40 aliased catalogue pages', `query { ${pages(40)} }`],
    ['five 100-product pages (cost)', `query { ${pages(5).replace(/p(\d): /g, 'q$1: ')} }`],
    ['51 directives', `query { ${Array.from({ length: 51 }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ')} }`],
    ['over 1000 tokens', `subscription { ${'__typename '.repeat(1000)} }`],
    ['introspection while it is off', 'query { __schema { queryType { name } } }'],
    ['a typo that would spell out the schema', 'subscription { stockChangd(locationId: "x", sku: "y") { sku } }'],
  ];

  it.each(HOSTILE)('%s: refused alike over HTTP and WebSocket', async (_name, query) => {
    const overHttp = await t.gql(query);
    expect(overHttp.status).toBe(400);
    const expected = overHttp.errors!.map((e) => ({ code: e.extensions?.code, message: e.message }));
    expect(expected[0].code).toMatch(/^GRAPHQL_(VALIDATION|PARSE)_FAILED$/);
    const overWs = await firstAnswer(client(), query);
    expect(overWs.kind).toBe('errors');
    expect(overWs.kind === 'errors' && overWs.errors.map((e) => ({ code: e.extensions?.code, message: e.message }))).toEqual(expected);
    expect(JSON.stringify(overWs)).not.toMatch(/Did you mean/);
  });

  it('runs only subscriptions: a query or mutation over WebSocket is refused and changes nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM cart`);
    const c = client();
    for (const query of [
      '{ __typename }',
      'mutation { cartCreate { cart { id } } }',
      'mutation { login(input: { email: "a@test.example", password: "x" }) { token } }',
    ]) {
      const answer = await firstAnswer(c, query);
      expect(answer.kind === 'errors' && answer.errors.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    }
    expect(await t.db.query(`SELECT count(*)::int AS n FROM cart`)).toEqual(before);
  });

  it('a subscription within the limits runs', async () => {
    const answer = await firstAnswer(
      client(),
      `subscription($l: ID!, $s: String!) { stockChanged(locationId: $l, sku: $s) { available } }`,
      { l: store.id, s: sku },
      300,
    );
    expect(answer).toEqual({ kind: 'waiting' });
  });

  it('formats errors as HTTP does: a value PostgreSQL cannot take is BAD_USER_INPUT, without its message', async () => {
    const overHttp = await t.gql(`query($s: String!) { variant(sku: $s) { id } }`, { s: 'a\u0000b' });
    expect(codes(overHttp)).toEqual(['BAD_USER_INPUT']);
    const overWs = await firstAnswer(
      client(),
      `subscription($l: ID!, $s: String!) { stockChanged(locationId: $l, sku: $s) { available } }`,
      { l: store.id, s: 'a\u0000b' },
    );
    const errors = overWs.kind === 'errors' || overWs.kind === 'data' ? (overWs.errors ?? []) : [];
    expect(errors.map((e) => [e.extensions?.code, e.message])).toEqual(overHttp.errors!.map((e) => [e.extensions?.code, e.message]));
    expect(JSON.stringify(overWs)).not.toMatch(/0x00|UTF8|invalid byte/i);
  });

  it('a message over the body limit closes the socket (1009), as HTTP answers 413', async () => {
    const big = { query: 'subscription($x: String) { __typename }', variables: { x: 'a'.repeat(150_000) } };
    expect((await t.http().post('/graphql').set('content-type', 'application/json').send(big)).status).toBe(413);
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    await new Promise((r) => ws.on('open', r));
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((r) => ws.once('message', r));
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: big }));
    expect(await closed).toBe(1009);
    expect((await t.http().get('/health')).status).toBe(200);
  });

  it('caps subscriptions per connection and per client', async () => {
    const STOCK = `subscription($l: ID!, $s: String!) { stockChanged(locationId: $l, sku: $s) { available } }`;
    const server = serverSubscriptions(t.app);
    const a = client();
    let subscribed = server.after(3);
    const held = [1, 2, 3].map(() => subscribe(a, STOCK, { l: store.id, s: sku }));
    await subscribed;
    expect(held.flatMap((s) => s.errors)).toEqual([]);
    const fourth = subscribe(a, STOCK, { l: store.id, s: sku });
    expect(JSON.stringify(await fourth.refused())).toContain('TOO_MANY_SUBSCRIPTIONS');
    // The same guest (one address) on a second connection: 2 more reach 5 for the client.
    const b = client();
    subscribed = server.after(2);
    const more = [1, 2].map(() => subscribe(b, STOCK, { l: store.id, s: sku }));
    await subscribed;
    expect(more.flatMap((s) => s.errors)).toEqual([]);
    const sixth = subscribe(b, STOCK, { l: store.id, s: sku });
    expect(JSON.stringify(await sixth.refused())).toContain('TOO_MANY_SUBSCRIPTIONS');
    // Completing one frees a place. The server hears the completion on its own time and says nothing back:
    // the one pause left here (no signal to wait for instead).
    held[0].stop();
    await new Promise((r) => setTimeout(r, 150));
    subscribed = server.after(1);
    const again = subscribe(b, STOCK, { l: store.id, s: sku });
    await subscribed;
    expect(again.errors).toEqual([]);
    [...held, ...more, again].forEach((s) => s.stop());
  });

  it('a shopper cannot claim the STORE channel over WebSocket either', async () => {
    const c = client(undefined, 'STORE');
    await firstAnswer(c, '{ __typename }').catch(() => undefined);
    expect(await c.closed).toBe(4403);
    const overHttp = await t.gql('{ __typename }', {}, { channel: 'STORE' });
    expect([overHttp.status, codes(overHttp)]).toEqual([403, ['FORBIDDEN']]);
  });
});
