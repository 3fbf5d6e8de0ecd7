import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ONLINE = `query($slug: String!) { product(slug: $slug) { variants { availableOnline } } }`;

/** availableOnline is served from memory for at most AVAILABILITY_CACHE_MS and dropped by every stock change. */
describe('availability cache', () => {
  let t: TestApp;
  let admin: string;
  let storeId: string;
  let product: { slug: string; variants: { id: string; sku: string }[] };

  beforeAll(async () => {
    t = await startTestApp({ AVAILABILITY_CACHE_MS: '1000' });
    admin = await adminToken(t);
    storeId = (await createLocation(t, admin)).id;
    product = await createProduct(t, admin, { sizes: ['U'] });
    await adjust(t, admin, storeId, product.variants[0].sku, 4);
  });
  afterAll(() => t?.close());

  const online = async () => (await t.gql(ONLINE, { slug: product.slug })).data.product.variants[0].availableOnline;

  it('a change through the ledger shows at once', async () => {
    expect(await online()).toBe(4);
    await adjust(t, admin, storeId, product.variants[0].sku, 3);
    expect(await online()).toBe(7);
  });

  it('a change the ledger never saw (a repair in SQL) shows within the bound', async () => {
    expect(await online()).toBe(7);
    await t.db.query(`UPDATE stock_level SET on_hand = on_hand + 1 WHERE variant_id = $1`, [product.variants[0].id]);
    const start = Date.now();
    let seen = await online();
    while (seen !== 8 && Date.now() - start < 3000) seen = await online();
    expect(seen).toBe(8);
    expect(Date.now() - start).toBeLessThan(1500);
    await t.db.query(`UPDATE stock_level SET on_hand = on_hand - 1 WHERE variant_id = $1`, [product.variants[0].id]);
  });
});
