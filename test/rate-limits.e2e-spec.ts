import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Q, registerShopper } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Per-client limits by operation class (reads, checkouts, other changes), in Redis when configured. */
describe('rate limits per client and operation class', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_READS_PER_MINUTE: '5', RATE_LIMIT_WRITES_PER_MINUTE: '3', RATE_LIMIT_CHECKOUTS_PER_MINUTE: '2' });
  });
  afterAll(() => t?.close());

  const post = (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const req = t.http().post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.send({ query, variables });
  };

  it('reads: past the limit, HTTP 429 with RATE_LIMITED and Retry-After; another account has its own budget', async () => {
    const alice = await registerShopper(t); // sign-up is limited by the sign-in guard, not here
    const bob = await registerShopper(t);
    for (let i = 0; i < 5; i++) expect((await post('{ me { id } }', {}, alice.token)).status).toBe(200);
    const refused = await post('{ me { id } }', {}, alice.token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect((await post('{ me { id } }', {}, bob.token)).status).toBe(200);
  });

  it('changes and checkouts have their own limits, counted per address for guests', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await post(Q.cartCreate)).status);
    expect(codes).toEqual([200, 200, 200, 429]);
    const checkout = `mutation($input: CheckoutInput!) { checkout(input: $input) { userErrors { code } } }`;
    const input = { cartId: '00000000-0000-4000-8000-000000000000', idempotencyKey: 'k', contact: { email: 'a@test.example' } };
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push((await post(checkout, { input })).status);
    expect(tries).toEqual([200, 200, 429]);
  });
});

/** TRUST_PROXY (issue 19): behind a load balancer each guest is its own client, and only trusted proxies are believed. */
describe('client addresses behind a proxy', () => {
  const post = (t: TestApp, forwardedFor: string) =>
    t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', forwardedFor)
      .send({ query: '{ __typename }' });

  it('with TRUST_PROXY=1, guests are counted by the address the proxy reports', async () => {
    const t = await startTestApp({ TRUST_PROXY: '1', RATE_LIMIT_READS_PER_MINUTE: '2' });
    try {
      expect([(await post(t, '203.0.113.1')).status, (await post(t, '203.0.113.1')).status, (await post(t, '203.0.113.1')).status]).toEqual(
        [200, 200, 429],
      );
      expect((await post(t, '203.0.113.2')).status).toBe(200);
      // A client cannot pick its address by adding hops of its own: the trusted proxy's hop is the one that counts.
      expect((await post(t, '198.51.100.7, 203.0.113.1')).status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: a guest cannot get a fresh budget by inventing addresses', async () => {
    const t = await startTestApp({ RATE_LIMIT_READS_PER_MINUTE: '2' });
    try {
      const statuses = [];
      for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) statuses.push((await post(t, ip)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await t.close();
    }
  });
});
