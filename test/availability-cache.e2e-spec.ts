import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// variant(sku) reads availability through the cache; pages that list variants read it with them (below).
const ONLINE = `query($sku: String!) { variant(sku: $sku) { availableOnline } }`;
const PAGE = `query($slug: String!) { product(slug: $slug) { variants { availableOnline } } }`;

/**
 * availableOnline is served from memory for at most AVAILABILITY_CACHE_MS and dropped by every stock
 * change; a public query's whole answer for at most RESPONSE_CACHE_MS. Both at 500 ms here: a change no
 * event announces (a repair in SQL) shows once the entry expires. How soon is the benchmark's business, not
 * asserted here: a loaded machine makes any bound flaky. (test/response-cache covers the drop on events.)
 */
describe('availability cache', () => {
  let t: TestApp;
  let admin: string;
  let storeId: string;
  let product: { slug: string; variants: { id: string; sku: string }[] };

  beforeAll(async () => {
    t = await startTestApp({ AVAILABILITY_CACHE_MS: '500', RESPONSE_CACHE_MS: '500' });
    admin = await adminToken(t);
    storeId = (await createLocation(t, admin)).id;
    product = await createProduct(t, admin, { sizes: ['U'] });
    await adjust(t, admin, storeId, product.variants[0].sku, 4);
  });
  afterAll(() => t?.close());

  const online = async () => (await t.gql(ONLINE, { sku: product.variants[0].sku })).data.variant.availableOnline;
  const onPage = async () => (await t.gql(PAGE, { slug: product.slug })).data.product.variants[0].availableOnline;

  /** Reads until the count is `want` (the cached entry expired), giving up after 10 s. */
  const readUntil = async (want: number): Promise<void> => {
    const deadline = Date.now() + 10_000;
    let seen = await online();
    while (seen !== want && Date.now() < deadline) seen = await online();
    expect(seen).toBe(want);
  };

  it('a change through the ledger shows; private queries are never cached', async () => {
    expect(await online()).toBe(4);
    await adjust(t, admin, storeId, product.variants[0].sku, 3);
    await readUntil(7);
    const private1 = await t.gql(`{ me { id } }`);
    expect(private1.data.me).toBeNull(); // not a public query: never cached
  });

  it('a change the ledger never saw (a repair in SQL) shows once the entry expires', async () => {
    expect(await online()).toBe(7);
    await t.db.query(`UPDATE stock_level SET on_hand = on_hand + 1 WHERE variant_id = $1`, [product.variants[0].id]);
    expect(await online()).toBe(7); // answered from memory: nothing told the caches
    expect(await onPage()).toBe(8); // a product page reads it with its variants, in the same statement
    await readUntil(8);
    await t.db.query(`UPDATE stock_level SET on_hand = on_hand - 1 WHERE variant_id = $1`, [product.variants[0].id]);
  });

  it('a catalogue page is answered from memory for at most RESPONSE_CACHE_MS; errors are not cached', async () => {
    const LIST = `query($s: String) { products(first: 5, filter: { search: $s }) { edges { node { name } } } }`;
    // A fixed word to search by (a random key can be split by PostgreSQL's text parser and match nothing).
    await t.db.query(`UPDATE product SET name = 'Zyxcached coat' WHERE slug = $1`, [product.slug]);
    const names = async () =>
      (await t.gql(LIST, { s: 'zyxcached' })).data.products.edges.map((e: { node: { name: string } }) => e.node.name);
    const before = await names();
    expect(before).toEqual(['Zyxcached coat']);
    await t.db.query(`UPDATE product SET name = name || ' renamed' WHERE slug = $1`, [product.slug]);
    expect(await names()).toEqual(before); // the same query, answered from memory
    const deadline = Date.now() + 10_000;
    while ((await names())[0] === before[0] && Date.now() < deadline) {
      /* until the entry expires (at most RESPONSE_CACHE_MS; the deadline only stops a broken cache) */
    }
    expect((await names())[0]).toBe(`${before[0]} renamed`);
    const bad = await t.gql(`query { products(first: 1000) { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
