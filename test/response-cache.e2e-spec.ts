import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createProduct } from './support/factories.js';
import { registerShopper } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { randomBytes } from 'node:crypto';

const PAGE = `query Page($s: String) { products(first: 5, filter: { search: $s }) { totalCount edges { node { name variants { sku availableOnline } } } } }`;

/**
 * PublicResponseCache: a repeated public query answered before Apollo runs, with the same bytes and
 * headers, still checked for the caller and counted against the read limit; concurrent misses share
 * one execution. (The lag it adds to stock counts is covered in availability-cache.e2e-spec.ts.)
 */
describe('public response cache', () => {
  let t: TestApp;
  let word: string;

  beforeAll(async () => {
    t = await startTestApp({ RESPONSE_CACHE_MS: '60000', RATE_LIMIT_READS_PER_MINUTE: '40' });
    const admin = await adminToken(t);
    const p = await createProduct(t, admin, { sizes: ['S', 'M'] });
    word = `zq${Date.now().toString(36)}`.replace(/\d/g, 'x'); // letters only: one word for PostgreSQL's parser
    await t.db.query(`UPDATE product SET name = $1 WHERE slug = $2`, [`${word} parka`, p.slug]);
  });
  afterAll(() => t?.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    t.http().post('/graphql').set({ 'content-type': 'application/json', ...headers }).send(body as object);

  it('answers a repeat from memory: same status, bytes, content type and cache-control; x-cache says so', async () => {
    const body = { query: PAGE, variables: { s: word } };
    const first = await post(body);
    const second = await post(body);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(first.body.data.products.edges[0].node.name).toBe(`${word} parka`);
    for (const h of ['content-type', 'cache-control', 'x-content-type-options', 'content-security-policy']) expect(second.headers[h]).toBe(first.headers[h]);
    // Another variable value is another entry.
    expect((await post({ query: PAGE, variables: { s: `${word}x` } })).headers['x-cache']).toBe('miss');
  });

  it('concurrent misses of one query run it once; the others share its answer', async () => {
    const body = { query: PAGE, variables: { s: `${word} parka` } };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(body)));
    const outcomes = answers.map((a) => a.headers['x-cache']).sort();
    expect(outcomes.filter((o) => o === 'miss')).toHaveLength(1);
    expect(outcomes.every((o) => ['miss', 'shared', 'hit'].includes(o))).toBe(true);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it('still refuses a bad token or x-channel, never caches errors or private queries', async () => {
    const body = { query: PAGE, variables: { s: word } };
    expect((await post(body)).headers['x-cache']).toBe('hit');
    const tampered = await post(body, { authorization: 'Bearer not.a.token' });
    expect(tampered.status).toBe(401);
    expect(tampered.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const channel = await post(body, { 'x-channel': 'FAX' });
    expect(channel.status).toBe(400);
    const bad = { query: `{ products(first: 1000) { totalCount } }` };
    for (let i = 0; i < 2; i++) {
      const r = await post(bad);
      expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.headers['x-cache']).toBe('miss');
    }
    const me = await post({ query: `{ me { id } }` });
    expect(me.status).toBe(200);
    expect(me.headers['x-cache']).toBeUndefined();
  });

  it('leaves to Apollo what it cannot key or must not answer: deep variables, form posts', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`; // too deep for JSON.stringify, which builds the key
    const nested = await t.http().post('/graphql').set('content-type', 'application/json').send(`{"query":"{ __typename }","variables":{"a":${deep}}}`);
    expect(nested.status).not.toBe(500);
    expect(nested.headers['x-cache']).toBeUndefined();
    const body = { query: PAGE, variables: { s: word } };
    expect((await post(body)).headers['x-cache']).toBe('hit');
    const form = await t.http().post('/graphql').type('form').send({ query: PAGE });
    expect(form.headers['x-cache']).toBeUndefined(); // Apollo's CSRF prevention decides, not the cache
    expect(form.status).toBe(400);
  });

  it('answers from memory count against the read limit like any other', async () => {
    const body = { query: PAGE, variables: { s: word } };
    const shopper = await registerShopper(t); // a budget of its own: the account, not the shared test address
    const auth = { authorization: `Bearer ${shopper.token}` };
    const statuses: number[] = [];
    const outcomes = new Set<string>();
    let refused;
    for (let i = 0; i < 45 && !refused; i++) {
      const r = await post(body, auth);
      outcomes.add(r.headers['x-cache']);
      statuses.push(r.status);
      if (r.status === 429) refused = r;
    }
    expect(statuses).toHaveLength(41);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(outcomes.has('hit')).toBe(true);
    expect(refused?.status).toBe(429);
    expect(refused?.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
  });
});

/** With a real Redis, a process that misses takes the answer another process put there (same expiry). */
(process.env.REDIS_URL ? describe : describe.skip)('public response cache shared through Redis (needs REDIS_URL; skipped without it)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const shared = { RESPONSE_CACHE_MS: '60000', REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:` };
    a = await startTestApp(shared);
    b = await startTestApp(shared); // a database of its own: if it ran the query, it would find nothing
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('answers from the other process\'s answer, byte for byte', async () => {
    const admin = await adminToken(a);
    const p = await createProduct(a, admin, { sizes: ['U'] });
    const word = `zr${Date.now().toString(36)}`.replace(/\d/g, 'y');
    await a.db.query(`UPDATE product SET name = $1 WHERE slug = $2`, [`${word} scarf`, p.slug]);
    const body = { query: PAGE, variables: { s: word } };
    const fromA = await a.http().post('/graphql').set('content-type', 'application/json').send(body);
    expect(fromA.headers['x-cache']).toBe('miss');
    expect(fromA.body.data.products.totalCount).toBe(1);
    const fromB = await b.http().post('/graphql').set('content-type', 'application/json').send(body);
    expect(fromB.headers['x-cache']).toBe('redis');
    expect(fromB.text).toBe(fromA.text);
    expect((await b.http().post('/graphql').set('content-type', 'application/json').send(body)).headers['x-cache']).toBe('hit');
    expect((await b.gql(`{ products(first: 5, filter: { search: "${word}" }) { totalCount } }`)).data.products.totalCount).toBe(0);
  });
});
