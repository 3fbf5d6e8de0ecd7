import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct } from './support/factories.js';
import { registerShopper } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseUrl } from './support/test-database.js';
import { freePort } from './support/api-process.js';
import { hasRedisServer, startRedis, stopRedis } from './support/redis-server.js';
import type { ChildProcess } from 'node:child_process';
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
    t
      .http()
      .post('/graphql')
      .set({ 'content-type': 'application/json', ...headers })
      .send(body as object);

  it('answers a repeat from memory: same status, bytes, content type and cache-control; x-cache says so', async () => {
    const body = { query: PAGE, variables: { s: word } };
    const first = await post(body);
    const second = await post(body);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(first.body.data.products.edges[0].node.name).toBe(`${word} parka`);
    for (const h of ['content-type', 'cache-control', 'x-content-type-options', 'content-security-policy'])
      expect(second.headers[h]).toBe(first.headers[h]);
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
    const nested = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(`{"query":"{ __typename }","variables":{"a":${deep}}}`);
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

/**
 * A kept page lives until what it shows changes: the stock of one of its variants (through the ledger, in
 * any process) or the catalogue (a new product). A listing chosen by stock is kept briefly only.
 */
describe('public response cache: answers dropped by the changes they show', () => {
  let t: TestApp;
  let admin: string;
  let storeId: string;
  let word: string;
  let product: { slug: string; variants: { id: string; sku: string }[] };
  const LIST = `query L($s: String) { products(first: 5, filter: { search: $s }) { totalCount edges { node { slug variants { sku availableOnline } } } } }`;
  const NAMES = `query N($s: String) { products(first: 5, filter: { search: $s }) { edges { node { slug } } } }`;
  const AT = `query A($s: String, $at: ID) { products(first: 5, filter: { search: $s, availableAt: $at }) { edges { node { slug } } } }`;

  beforeAll(async () => {
    t = await startTestApp({ RESPONSE_CACHE_MS: '60000', RESPONSE_CACHE_SHARED_MS: '300' });
    admin = await adminToken(t);
    storeId = (await createLocation(t, admin)).id;
    product = await createProduct(t, admin, { sizes: ['S', 'M'] });
    word = `zd${Date.now().toString(36)}`.replace(/\d/g, 'w');
    await t.db.query(`UPDATE product SET name = $1 WHERE slug = $2`, [`${word} gilet`, product.slug]);
    await adjust(t, admin, storeId, product.variants[1].sku, 2);
  });
  afterAll(() => t?.close());

  const post = (query: string, variables: object) =>
    t.http().post('/graphql').set('content-type', 'application/json').send({ query, variables });
  const counts = (r: { body: { data: { products: { edges: { node: { variants: { availableOnline: number }[] } }[] } } } }) =>
    r.body.data.products.edges[0].node.variants.map((v) => v.availableOnline);

  it('keeps a page past RESPONSE_CACHE_SHARED_MS, and drops it at once when the stock of a variant on it changes', async () => {
    const first = await post(LIST, { s: word });
    expect(first.headers['x-cache']).toBe('miss');
    expect(counts(first)).toEqual([0, 2]);
    await new Promise((r) => setTimeout(r, 400));
    expect((await post(LIST, { s: word })).headers['x-cache']).toBe('hit');
    await adjust(t, admin, storeId, product.variants[0].sku, 3);
    const after = await post(LIST, { s: word }); // told at commit, before the change's answer went out
    expect(after.headers['x-cache']).toBe('miss');
    expect(counts(after)).toEqual([3, 2]);
  });

  it('a page that does not show stock is not dropped by it; a new product drops every page', async () => {
    expect((await post(NAMES, { s: word })).headers['x-cache']).toBe('miss');
    await adjust(t, admin, storeId, product.variants[0].sku, 1);
    await new Promise((r) => setTimeout(r, 100));
    expect((await post(NAMES, { s: word })).headers['x-cache']).toBe('hit');
    const added = await createProduct(t, admin, { sizes: ['U'], name: `${word} twin` }); // found by the same search
    const after = await post(NAMES, { s: word });
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.body.data.products.edges.map((e: { node: { slug: string } }) => e.node.slug).sort()).toEqual(
      [added.slug, product.slug].sort(),
    );
  });

  it('keeps a listing chosen by stock at a store for RESPONSE_CACHE_SHARED_MS only', async () => {
    const vars = { s: word, at: storeId };
    const first = await post(AT, vars);
    expect(first.headers['x-cache']).toBe('miss');
    expect(first.body.data.products.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual([product.slug]);
    expect((await post(AT, vars)).headers['x-cache']).toBe('hit');
    await new Promise((r) => setTimeout(r, 350));
    expect((await post(AT, vars)).headers['x-cache']).toBe('miss');
  });
});

/** With a real Redis, a process that misses takes the answer another process put there (same expiry). */
(process.env.REDIS_URL ? describe : describe.skip)(
  'public response cache shared through Redis (needs REDIS_URL; skipped without it)',
  () => {
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      const shared = {
        RESPONSE_CACHE_MS: '60000',
        RESPONSE_CACHE_SHARED_MS: '60000',
        REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
      };
      a = await startTestApp(shared);
      b = await startTestApp(shared); // a database of its own: if it ran the query, it would find nothing
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it("answers from the other process's answer, byte for byte", async () => {
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
  },
);

/** Two processes on one database and one Redis: a change committed through one drops what the other kept. */
(process.env.REDIS_URL && process.env.DATABASE_URL ? describe : describe.skip)(
  'public response cache across processes (needs DATABASE_URL and REDIS_URL; skipped without them)',
  () => {
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      const env = {
        DATABASE_URL: (await testDatabaseUrl())!,
        RESPONSE_CACHE_MS: '60000',
        RESPONSE_CACHE_SHARED_MS: '300',
        REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
      };
      a = await startTestApp(env);
      b = await startTestApp(env);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it('a stock change through one process drops the page the other keeps', async () => {
      const admin = await adminToken(a);
      const storeId = (await createLocation(a, admin)).id;
      const word = `zp${Date.now().toString(36)}`.replace(/\d/g, 'v');
      const p = await createProduct(a, admin, { sizes: ['U'], name: `${word} beret` });
      const LIST = `query L($s: String) { products(first: 5, filter: { search: $s }) { edges { node { variants { availableOnline } } } } }`;
      const fromB = () =>
        b
          .http()
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({ query: LIST, variables: { s: word } });
      const count = (r: { body: { data: { products: { edges: { node: { variants: { availableOnline: number }[] } }[] } } } }) =>
        r.body.data.products.edges[0].node.variants[0].availableOnline;
      const first = await fromB();
      expect(first.headers['x-cache']).toBe('miss'); // nothing in Redis yet: b ran it
      expect(count(first)).toBe(0);
      // Past the shared copy's life, b serves its own copy, kept long once b hears the other processes' events
      // (its Redis subscriptions may still be being made just after its start).
      expect(await keptLong(fromB)).toBe(true);
      await adjust(a, admin, storeId, p.variants[0].sku, 5);
      let after = await fromB();
      for (let i = 0; i < 50 && after.headers['x-cache'] === 'hit'; i++) after = await fromB();
      expect(after.headers['x-cache']).toBe('miss');
      expect(count(after)).toBe(5);
    });
  },
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether, within about 20 s, an answer comes to be kept past RESPONSE_CACHE_SHARED_MS (300 ms in these tests): events are heard again. */
async function keptLong(post: () => Promise<{ headers: Record<string, string> }>): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    await post();
    await sleep(400);
    if ((await post()).headers['x-cache'] === 'hit') return true;
  }
  return false;
}

/** An app on the Redis at `port` that keeps answers long (events heard) or 300 ms (not), with one product `${word} ${noun}`; `post` lists it. */
async function appOnRedisAt(port: number, prefix: string, noun: string) {
  const t = await startTestApp({
    REDIS_URL: `redis://127.0.0.1:${port}`,
    RESPONSE_CACHE_MS: '60000',
    RESPONSE_CACHE_SHARED_MS: '300',
    BACKGROUND_JOBS: 'false',
  });
  const word = `${prefix}${Date.now().toString(36)}`.replace(/\d/g, 'u');
  await createProduct(t, await adminToken(t), { sizes: ['U'], name: `${word} ${noun}` });
  const LIST = `query L($s: String) { products(first: 5, filter: { search: $s }) { edges { node { variants { availableOnline } } } } }`;
  const post = () =>
    t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: LIST, variables: { s: word } });
  return { t, post };
}

/** Events sent while the subscription is down are lost: the cache forgets, keeps briefly, and trusts events again once back. */
(hasRedisServer ? describe : describe.skip)(
  'public response cache when Redis goes away and comes back (needs redis-server on PATH)',
  () => {
    let redis: ChildProcess;
    let port: number;
    let t: TestApp | undefined;
    let post: () => Promise<{ headers: Record<string, string> }>;

    beforeAll(async () => {
      port = await freePort();
      redis = await startRedis(port);
      ({ t, post } = await appOnRedisAt(port, 'zl', 'cape'));
    });
    afterAll(async () => {
      await t?.close();
      if (redis?.exitCode === null) await stopRedis(redis);
    });

    it('drops what it kept when the subscription is lost, keeps answers briefly meanwhile, and long again once it is back', async () => {
      expect((await post()).headers['x-cache']).toBe('miss');
      await sleep(400);
      expect((await post()).headers['x-cache']).toBe('hit'); // kept past the short bound: events are heard
      await stopRedis(redis);
      await sleep(200);
      expect((await post()).headers['x-cache']).toBe('miss'); // the loss dropped it
      await sleep(400);
      expect((await post()).headers['x-cache']).toBe('miss'); // kept only briefly while events cannot be heard
      redis = await startRedis(port);
      expect(await keptLong(post)).toBe(true);
    });
  },
);

/** A process that started while Redis was unreachable hears the other processes' events once it is there. */
(hasRedisServer ? describe : describe.skip)(
  'public response cache when Redis is reached only after the start (needs redis-server on PATH)',
  () => {
    let redis: ChildProcess | undefined;
    let t: TestApp | undefined;
    let post: () => Promise<{ headers: Record<string, string> }>;

    beforeAll(async () => {
      const port = await freePort(); // nothing listens there yet
      ({ t, post } = await appOnRedisAt(port, 'zs', 'stole'));
      redis = await startRedis(port);
    });
    afterAll(async () => {
      await t?.close();
      if (redis?.exitCode === null) await stopRedis(redis);
    });

    it('keeps answers briefly until it has subscribed, then long', async () => {
      expect(await keptLong(post)).toBe(true);
    });
  },
);
