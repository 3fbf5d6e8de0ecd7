import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { addLines, guestCart, O, pickup, registerShopper, unbalancedLevels } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import WebSocket from 'ws';
import { firstAnswer, wsClient } from './support/ws.js';

/**
 * Property: whatever operation and variables a client sends (wrong types, huge numbers, long and odd
 * strings, unknown or real ids, nesting, aliases, garbage documents, bad tokens), the answer is a
 * well-formed GraphQL response, never a 500 or an unexpected error, and the stock ledger still balances.
 */
// A fixed seed keeps CI repeatable (it is the one that found the NUL-character 500); FUZZ_SEED=… explores others.
const SEED = Number(process.env.FUZZ_SEED ?? 1714899879);

describe('fuzzing the API with generated operations (fast-check)', () => {
  let t: TestApp;
  const ids: Record<string, string[]> = {};
  const tokens: (string | undefined)[] = [undefined];

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    await t.app.listen(0, '127.0.0.1');
    const admin = await adminToken(t);
    const store = await createLocation(t, admin);
    const staff = await createStaff(t, admin, 'ASSOCIATE', store.id);
    const shopper = await registerShopper(t);
    const v = (await createProduct(t, admin, { sizes: ['S', 'M'] })).variants;
    await adjust(t, admin, store.id, v[0].sku, 5);
    const cart = await guestCart(t);
    await addLines(t, cart.id, [pickup(v[0].id, store.id)]);
    const order = (
      await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: 'fuzz-seed', contact: { email: 'f@test.example' } } })
    ).data.checkout.order;
    Object.assign(ids, {
      location: [store.id],
      variant: v.map((x) => x.id),
      sku: v.map((x) => x.sku),
      cart: [cart.id],
      order: [order.id],
      fulfillment: [order.fulfillments[0].id],
      customer: [shopper.id],
    });
    const [head, body] = admin.split('.');
    tokens.push(admin, staff.token, shopper.token, 'garbage', `${head}.${body}.forged`, `Bearer ${admin}`);
  });
  afterAll(() => t?.close());

  // Values a client could put anywhere.
  const junk = (): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.integer(),
      fc.double(),
      fc.bigInt().map(String),
      fc.constantFrom(
        0,
        -1,
        2 ** 31,
        -(2 ** 31) - 1,
        Number.MAX_SAFE_INTEGER,
        1e308,
        '',
        ' ',
        '\u0000',
        '💥',
        'null',
        '00000000-0000-4000-8000-000000000000',
      ),
      fc.boolean(),
      fc.constant(null),
      fc.uuid(),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
    );
  // The ids exist only after beforeAll: pick among them when a value is drawn.
  const real = (kind: string) => fc.nat().map((i) => ids[kind][i % ids[kind].length]);
  const idOr = (kind: string) => fc.oneof(real(kind), junk());
  const line = fc.record(
    {
      variantId: idOr('variant'),
      quantity: fc.oneof(fc.integer({ min: -5, max: 20 }), junk()),
      fulfillment: fc.oneof(
        fc.record({ type: fc.constantFrom('DELIVERY', 'PICKUP', 'SHIP_TO_STORE', 'TELEPORT'), locationId: idOr('location') }),
        junk(),
      ),
    },
    { requiredKeys: [] },
  );

  const E = 'userErrors { code }';
  const operation = fc.oneof(
    fc.record({
      query: fc.constant(
        `query($f: Int!, $a: String, $s: String) { products(first: $f, after: $a, filter: { search: $s }) { totalCount edges { node { slug variants { sku availableOnline } } } } }`,
      ),
      variables: fc.record({ f: junk(), a: junk(), s: junk() }),
    }),
    fc.record({
      query: fc.constant(
        `query($n: GeoPointInput!, $r: Float!, $s: String!) { storesNear(near: $n, radiusKm: $r, sku: $s) { distanceKm available } }`,
      ),
      variables: fc.record({ n: fc.oneof(fc.record({ lat: junk(), lng: junk() }), junk()), r: junk(), s: fc.oneof(real('sku'), junk()) }),
    }),
    fc.record({
      query: fc.constant(`query($id: ID!) { cart(id: $id) { id lines { quantity } cost { total { amount } } } }`),
      variables: fc.record({ id: idOr('cart') }),
    }),
    fc.record({
      query: fc.constant(`mutation($c: ID!, $l: [CartLineInput!]!) { cartLinesAdd(cartId: $c, lines: $l) { ${E} } }`),
      variables: fc.record({ c: idOr('cart'), l: fc.oneof(fc.array(line, { maxLength: 60 }), junk()) }),
    }),
    fc.record({
      query: fc.constant(`mutation($c: ID!, $l: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $c, lines: $l) { ${E} } }`),
      variables: fc.record({ c: idOr('cart'), l: fc.array(fc.record({ id: junk(), quantity: junk() }), { maxLength: 3 }) }),
    }),
    fc.record({
      query: fc.constant(`mutation($c: ID!, $k: [String!]!) { cartDiscountCodesUpdate(cartId: $c, codes: $k) { ${E} } }`),
      variables: fc.record({ c: idOr('cart'), k: fc.oneof(fc.array(fc.string({ maxLength: 80 }), { maxLength: 8 }), junk()) }),
    }),
    fc.record({
      query: fc.constant(`mutation($i: CheckoutInput!) { checkout(input: $i) { order { id } ${E} } }`),
      variables: fc.record({
        i: fc.oneof(
          fc.record(
            {
              cartId: idOr('cart'),
              idempotencyKey: junk(),
              contact: fc.oneof(fc.record({ email: junk() }), junk()),
              shippingAddress: junk(),
            },
            { requiredKeys: [] },
          ),
          junk(),
        ),
      }),
    }),
    fc.record({
      query: fc.constant(`mutation($i: StockAdjustInput!) { stockAdjust(input: $i) { stockLevel { onHand } ${E} } }`),
      variables: fc.record({
        i: fc.record(
          {
            locationId: idOr('location'),
            sku: fc.oneof(real('sku'), junk()),
            delta: fc.oneof(fc.integer({ min: -10, max: 10 }), junk()),
            reason: junk(),
          },
          { requiredKeys: [] },
        ),
      }),
    }),
    fc.record({
      query: fc.constant(`mutation($id: ID!, $c: String!) { fulfillmentCollect(id: $id, pickupCode: $c) { ${E} } }`),
      variables: fc.record({ id: idOr('fulfillment'), c: junk() }),
    }),
    fc.record({
      query: fc.constantFrom(
        `mutation($id: ID!) { fulfillmentMarkReady(id: $id) { ${E} } }`,
        `mutation($id: ID!) { fulfillmentShip(id: $id) { ${E} } }`,
        `mutation($id: ID!) { orderCancel(id: $id) { ${E} } }`,
        `query($id: ID!) { order(id: $id) { number fulfillments { pickupCode } } }`,
      ),
      variables: fc.record({ id: fc.oneof(idOr('fulfillment'), idOr('order')) }),
    }),
    fc.record({
      query: fc.constant(`mutation($i: RegisterInput!) { register(input: $i) { token ${E} } }`),
      variables: fc.record({
        i: fc.record({ email: junk(), password: junk(), phone: junk(), cartId: idOr('cart') }, { requiredKeys: [] }),
      }),
    }),
    fc.record({ query: fc.constant(`query($q: String!) { customerLookup(query: $q) { id } }`), variables: fc.record({ q: junk() }) }),
    fc.record({
      query: fc.constant(
        `query($s: String!, $q: Int!, $d: ID!) { sourcingOptions(sku: $s, quantity: $q, destinationLocationId: $d) { available } }`,
      ),
      variables: fc.record({ s: fc.oneof(real('sku'), junk()), q: junk(), d: idOr('location') }),
    }),
    fc.record({
      query: fc.constant(`query($f: DateTime!, $t: DateTime!, $z: String) { dailySales(from: $f, to: $t, timeZone: $z) { day } }`),
      variables: fc.record({ f: junk(), t: junk(), z: junk() }),
    }),
    // Documents that are not what the schema expects: garbage, deep nesting, many aliases.
    fc.record({ query: fc.string({ maxLength: 400 }), variables: fc.constant({}) }),
    fc.record({
      query: fc
        .integer({ min: 1, max: 40 })
        .map((n) => `{ products(first: 1) { edges { node { ${'variants { product { '.repeat(n)}id${' } }'.repeat(n)} } } } }`),
      variables: fc.constant({}),
    }),
    fc.record({
      query: fc
        .integer({ min: 1, max: 60 })
        .map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: products(first: 100) { totalCount }`).join(' ')} }`),
      variables: fc.constant({}),
    }),
  );

  it('answers every generated operation with a well-formed GraphQL response and no unexpected error', async () => {
    await fc.assert(
      fc.asyncProperty(
        operation,
        fc.constantFrom(...tokens),
        fc.constantFrom(undefined, 'WEB', 'APP', 'STORE', 'FAX'),
        async (op, token, channel) => {
          const req = t.http().post('/graphql').set('content-type', 'application/json');
          if (token) req.set('authorization', token.startsWith('Bearer') ? token : `Bearer ${token}`);
          if (channel) req.set('x-channel', channel);
          const res = await req.send(op);
          expect([200, 400, 401, 403, 413, 429]).toContain(res.status);
          const body = res.body as { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
          expect(typeof body).toBe('object');
          expect('data' in body || Array.isArray(body.errors)).toBe(true);
          for (const e of body.errors ?? []) {
            expect(typeof e.message).toBe('string');
            expect(typeof e.extensions?.code).toBe('string');
            expect([e.extensions?.code, e.message]).not.toEqual(['INTERNAL_SERVER_ERROR', expect.anything()]);
          }
        },
      ),
      { numRuns: 2000, seed: SEED },
    );
    expect(await unbalancedLevels(t)).toBe(0);
  }, 300_000);

  const subscriptionOp = fc.oneof(
    fc.record({
      query: fc.constant(`subscription($l: ID!, $s: String!) { stockChanged(locationId: $l, sku: $s) { onHand available } }`),
      variables: fc.record({ l: idOr('location'), s: fc.oneof(real('sku'), junk()) }),
    }),
    fc.record({
      query: fc.constant(`subscription($id: ID!) { orderUpdated(id: $id) { id status fulfillments { status } } }`),
      variables: fc.record({ id: idOr('order') }),
    }),
    fc.record({
      query: fc.constant(`subscription($l: ID!) { pickupQueueChanged(locationId: $l) { id status } }`),
      variables: fc.record({ l: idOr('location') }),
    }),
  );

  it('over WebSocket: every generated operation gets a well-formed answer, never an unexpected error, and the server stays up', async () => {
    const url = await t.app.getUrl();
    const clients = new Map<string | undefined, ReturnType<typeof wsClient>>();
    const clientFor = (token: string | undefined) => {
      let c = clients.get(token);
      if (!c) clients.set(token, (c = wsClient(url, token?.replace(/^Bearer /, ''))));
      return c;
    };
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(subscriptionOp, subscriptionOp, operation), fc.constantFrom(...tokens), async (op, token) => {
          const answer = await firstAnswer(clientFor(token), op.query, op.variables, 100);
          if (answer.kind === 'closed') {
            expect([4403, 4400]).toContain(answer.code); // a token that is no good (4403), or a message graphql-ws refuses (4400)
            clients.delete(token);
            return;
          }
          const errors = answer.kind === 'errors' ? answer.errors : answer.kind === 'data' ? (answer.errors ?? []) : [];
          for (const e of errors) {
            expect(typeof e.message).toBe('string');
            expect(typeof e.extensions?.code).toBe('string');
            expect([e.extensions?.code, e.message]).not.toEqual(['INTERNAL_SERVER_ERROR', expect.anything()]);
          }
        }),
        { numRuns: 300, seed: SEED },
      );
      // Raw frames that are not the protocol: the socket is closed, the server carries on.
      for (const frame of [
        'not json',
        '{"type":"subscribe"}',
        JSON.stringify({ id: 1, type: 'subscribe', payload: { query: 5 } }),
        '[]',
        '\u0000',
      ]) {
        const ws = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
        await new Promise((r) => ws.on('open', r));
        ws.send(JSON.stringify({ type: 'connection_init' }));
        await new Promise((r) => ws.once('message', r));
        const closed = new Promise<number>((r) => ws.on('close', r));
        ws.send(frame);
        expect(await closed).toBe(4400);
      }
      expect((await t.http().get('/health')).status).toBe(200);
    } finally {
      await Promise.all([...clients.values()].map((c) => c.dispose()));
    }
    expect(await unbalancedLevels(t)).toBe(0);
  }, 300_000);

  it('a NUL character PostgreSQL cannot store is BAD_USER_INPUT and changes nothing (found by the fuzzer)', async () => {
    const admin = tokens[1]!;
    const before = await t.db.query(`SELECT count(*)::int AS n FROM stock_movement`);
    const r = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${admin}`)
      .send({
        query: `mutation($i: StockAdjustInput!) { stockAdjust(input: $i) { userErrors { code } } }`,
        variables: { i: { locationId: ids.location[0], sku: ids.sku[0], delta: 1, reason: 'bad\u0000reason' } },
      });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM stock_movement`)).toEqual(before);
  });
});
