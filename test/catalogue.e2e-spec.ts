import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff, unique } from './support/factories.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

/** One page of `products`, as the paging test reads it. */
interface ProductPage {
  totalCount: number;
  edges: { cursor: string; node: { name: string } }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

const PRODUCTS = `query($first: Int!, $after: String, $filter: ProductFilter) { products(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id slug name category variants { sku size price { amount currency } availableOnline } } } } }`;
const CREATE = `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id slug } userErrors { code field message } } }`;
const NEAR = `query($near: GeoPointInput!, $radiusKm: Float!, $sku: String!) { storesNear(near: $near, radiusKm: $radiusKm, sku: $sku) { location { id code type } distanceKm available } }`;

describe('catalogue and stock near me', () => {
  let t: TestApp;
  let admin: string;
  const word = unique('w').toLowerCase().replace('-', '');

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  describe('productCreate', () => {
    it('creates a product with its variants in order, prices in minor units', async () => {
      const p = await createProduct(t, admin, { sizes: ['XS', 'S', 'M', 'L'], price: 4999 });
      const r = await t.gql(
        `query($slug: String!) { product(slug: $slug) { name variants { size price { amount currency } product { slug } } } }`,
        { slug: p.slug },
      );
      expect(r.data.product.variants.map((v: { size: string }) => v.size)).toEqual(['XS', 'S', 'M', 'L']);
      expect(r.data.product.variants[0].price).toEqual({ amount: 4999, currency: 'EUR' });
      expect(r.data.product.variants[0].product.slug).toBe(p.slug);
    });

    it('finds a variant by SKU, whatever its case', async () => {
      const p = await createProduct(t, admin);
      const r = await t.gql(`query($sku: String!) { variant(sku: $sku) { sku size product { slug } } }`, {
        sku: p.variants[1].sku.toLowerCase(),
      });
      expect(r.data.variant).toEqual({ sku: p.variants[1].sku, size: 'M', product: { slug: p.slug } });
      expect((await t.gql(`query { variant(sku: "NOPE-NOPE") { sku } }`)).data.variant).toBeNull();
      expect((await t.gql(`query { product(slug: "no-such-product") { id } }`)).data.product).toBeNull();
    });

    it('refuses duplicate SKUs and slugs and leaves nothing half-made', async () => {
      const p = await createProduct(t, admin);
      const slug = unique('dup').toLowerCase();
      const dupSku = await t.gql(
        CREATE,
        { input: { slug, name: 'Dup', variants: [{ sku: p.variants[0].sku.toLowerCase(), price: { amount: 1, currency: 'EUR' } }] } },
        { token: admin },
      );
      expect(dupSku.data.productCreate.userErrors[0]).toMatchObject({ code: 'DUPLICATE', field: ['variants', 'sku'] });
      expect((await t.gql(`query($slug: String!) { product(slug: $slug) { id } }`, { slug })).data.product).toBeNull();
      const twice = await t.gql(
        CREATE,
        {
          input: {
            slug,
            name: 'Dup',
            variants: [
              { sku: 'A-1', price: { amount: 1, currency: 'EUR' } },
              { sku: 'a-1', price: { amount: 1, currency: 'EUR' } },
            ],
          },
        },
        { token: admin },
      );
      expect(twice.data.productCreate.userErrors[0].code).toBe('DUPLICATE');
      const dupSlug = await t.gql(
        CREATE,
        { input: { slug: p.slug, name: 'Dup', variants: [{ sku: unique('S'), price: { amount: 1, currency: 'EUR' } }] } },
        { token: admin },
      );
      expect(dupSlug.data.productCreate.userErrors[0]).toMatchObject({ code: 'DUPLICATE', field: ['slug'] });
    });

    it('refuses bad input with BAD_USER_INPUT', async () => {
      const base = {
        slug: unique('bad').toLowerCase(),
        name: 'Bad',
        variants: [{ sku: unique('S'), price: { amount: 100, currency: 'EUR' } }],
      };
      for (const input of [
        { ...base, variants: [{ ...base.variants[0], price: { amount: -1, currency: 'EUR' } }] },
        { ...base, variants: [{ ...base.variants[0], price: { amount: 100, currency: 'euro' } }] },
        { ...base, variants: [] },
        { ...base, slug: 'Not A Slug' },
        { ...base, variants: [{ ...base.variants[0], sku: 'bad sku!' }] },
        { ...base, unknownField: 1 },
      ]) {
        const r = await t.gql(CREATE, { input }, { token: admin });
        expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      }
    });

    it('is for admins only', async () => {
      const store = await createLocation(t, admin);
      const manager = await createStaff(t, admin, 'MANAGER', store.id);
      const input = { slug: unique('x').toLowerCase(), name: 'X', variants: [{ sku: unique('S'), price: { amount: 1, currency: 'EUR' } }] };
      expect(codes(await t.gql(CREATE, { input }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(CREATE, { input }, { token: manager.token }))).toEqual(['FORBIDDEN']);
    });
  });

  describe('products: search, filters and pagination', () => {
    let store: { id: string };
    const made: { slug: string; name: string; variants: { sku: string }[] }[] = [];

    beforeAll(async () => {
      store = await createLocation(t, admin);
      for (const [i, name] of ['Alpha trench', 'Beta trench', 'Gamma sneaker', 'Delta trench', 'Epsilon scarf'].entries()) {
        const p = await createProduct(t, admin, { name: `${name} ${word}`, category: i === 2 ? 'shoes' : 'coats' });
        made.push(p);
        if (i === 1 || i === 2) await adjust(t, admin, store.id, p.variants[0].sku, 2);
      }
    });

    it('walks every page exactly once, in name order, with cursors', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const r: { data: { products: ProductPage } } = await t.gql(PRODUCTS, { first: 2, after, filter: { search: word } });
        const c = r.data.products;
        expect(c.totalCount).toBe(5);
        seen.push(...c.edges.map((e: { node: { name: string } }) => e.node.name));
        pages++;
        expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)!.cursor);
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([...made.map((p) => p.name)].sort());
    });

    it('a page that ends exactly at the last product says there is no next page', async () => {
      const r = await t.gql(PRODUCTS, { first: 5, filter: { search: word } });
      expect(r.data.products.edges).toHaveLength(5);
      expect(r.data.products.pageInfo.hasNextPage).toBe(false);
      const after = await t.gql(PRODUCTS, { first: 5, after: r.data.products.pageInfo.endCursor, filter: { search: word } });
      expect(after.data.products).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('matches all words, as prefixes, case-insensitively', async () => {
      const r = await t.gql(PRODUCTS, { first: 10, filter: { search: `TRENCH ${word.slice(0, -2)}` } });
      expect(r.data.products.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(
        ['Alpha trench', 'Beta trench', 'Delta trench'].map((n) => `${n} ${word}`),
      );
      expect((await t.gql(PRODUCTS, { first: 10, filter: { search: `${word} nothing-like-this` } })).data.products.totalCount).toBe(0);
      // punctuation is not syntax
      expect((await t.gql(PRODUCTS, { first: 10, filter: { search: `${word} & | ! :* (` } })).data.products.totalCount).toBe(5);
    });

    it('filters by category and by availability at a store', async () => {
      const shoes = await t.gql(PRODUCTS, { first: 10, filter: { search: word, category: 'shoes' } });
      expect(shoes.data.products.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([`Gamma sneaker ${word}`]);
      const here = await t.gql(PRODUCTS, { first: 10, filter: { search: word, availableAt: store.id } });
      expect(here.data.products.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
        `Beta trench ${word}`,
        `Gamma sneaker ${word}`,
      ]);
      expect(here.data.products.edges[0].node.variants[0].availableOnline).toBe(2);
      expect(here.data.products.edges[0].node.variants[1].availableOnline).toBe(0);
    });

    it('reads a page with its count and its variants in one statement, through fragments too', async () => {
      const query = `query($filter: ProductFilter) { products(first: 2, filter: $filter) { ...Counted edges { node { ... on Product { name variants { sku } } } } } }
        fragment Counted on ProductConnection { totalCount }`;
      const statements = jest.spyOn(t.db.manager, 'query');
      const productReads = () => statements.mock.calls.map(([sql]) => sql).filter((sql) => /\bproduct(_variant)?\b/.test(sql));
      try {
        // twice: the second use of a document runs compiled (graphql-jit), the first on graphql-js
        for (let i = 0; i < 2; i++) {
          statements.mockClear();
          const r = await t.gql(query, { filter: { search: word } });
          expect(r.data.products.totalCount).toBe(5);
          expect(r.data.products.edges.map((e: { node: { variants: { sku: string }[] } }) => e.node.variants.map((v) => v.sku))).toEqual(
            made.slice(0, 2).map((p) => p.variants.map((v) => v.sku)),
          );
          expect(productReads()).toHaveLength(1);
        }
        statements.mockClear();
        const bare = await t.gql(`query($filter: ProductFilter) { products(first: 2, filter: $filter) { edges { node { name } } } }`, {
          filter: { search: word },
        });
        expect(bare.data.products.edges).toHaveLength(2);
        expect(productReads()).toHaveLength(1);
        expect(productReads()[0]).not.toMatch(/count\(|product_variant/); // neither counted nor joined when not asked for
        statements.mockClear();
        const page = await t.gql(`query($slug: String!) { product(slug: $slug) { name variants { sku } } }`, { slug: made[0].slug });
        expect(page.data.product.variants.map((v: { sku: string }) => v.sku)).toEqual(made[0].variants.map((v) => v.sku));
        expect(productReads()).toHaveLength(1);
      } finally {
        statements.mockRestore();
      }
    });

    it('reads what each variant has free online with the page and the product page, not in a statement of its own', async () => {
      const store = await createLocation(t, admin);
      const own = unique('a').toLowerCase().replace('-', '');
      const made = await createProduct(t, admin, { name: `Stocked ${own}`, sizes: ['S', 'M'] });
      await adjust(t, admin, store.id, made.variants[1].sku, 6);
      const page = `query($filter: ProductFilter) { products(first: 5, filter: $filter) { edges { node { variants { sku availableOnline } } } } }`;
      const slugPage = `query($slug: String!) { product(slug: $slug) { variants { sku availableOnline } } }`;
      const statements = jest.spyOn(t.db.manager, 'query');
      try {
        for (let i = 0; i < 2; i++) {
          // graphql-js, then compiled
          statements.mockClear();
          const listed = await t.gql(page, { filter: { search: own } });
          expect(listed.data.products.edges.map((e: { node: { variants: unknown } }) => e.node.variants)).toEqual([
            [
              { sku: made.variants[0].sku, availableOnline: 0 },
              { sku: made.variants[1].sku, availableOnline: 6 },
            ],
          ]);
          const shown = await t.gql(slugPage, { slug: made.slug });
          expect(shown.data.product.variants).toEqual([
            { sku: made.variants[0].sku, availableOnline: 0 },
            { sku: made.variants[1].sku, availableOnline: 6 },
          ]);
          expect(statements.mock.calls.filter(([sql]) => /\b(product|product_variant|variant_stock)\b/.test(sql))).toHaveLength(2);
        }
      } finally {
        statements.mockRestore();
      }
    });

    it("reuses a search's count for its next pages, and counts again once a product is created", async () => {
      const own = unique('c').toLowerCase().replace('-', '');
      for (const name of ['First', 'Second']) await createProduct(t, admin, { name: `${name} ${own}` });
      const statements = jest.spyOn(t.db.manager, 'query');
      const counts = () => statements.mock.calls.filter(([sql]) => /count\(\*\)::int AS total FROM product/.test(sql)).length;
      try {
        const first = await t.gql(PRODUCTS, { first: 1, filter: { search: own } });
        expect(first.data.products.totalCount).toBe(2);
        expect(counts()).toBe(1);
        const second = await t.gql(PRODUCTS, { first: 1, after: first.data.products.pageInfo.endCursor, filter: { search: own } });
        expect(second.data.products).toMatchObject({ totalCount: 2, edges: [{ node: { name: `Second ${own}` } }] });
        expect(counts()).toBe(1); // the first page's count
        await createProduct(t, admin, { name: `Third ${own}` });
        expect((await t.gql(PRODUCTS, { first: 1, filter: { search: own } })).data.products.totalCount).toBe(3);
        expect(counts()).toBe(2);
        // an empty category filters nothing, a blank one filters on '': counts of their own
        expect((await t.gql(PRODUCTS, { first: 1, filter: { search: own, category: '  ' } })).data.products.totalCount).toBe(0);
        expect((await t.gql(PRODUCTS, { first: 1, filter: { search: own, category: '' } })).data.products.totalCount).toBe(3);
        statements.mockClear();
        // filtered by a store's stock: counted every time
        for (let i = 0; i < 2; i++) await t.gql(PRODUCTS, { first: 1, filter: { search: own, availableAt: store.id } });
        expect(counts()).toBe(2);
      } finally {
        statements.mockRestore();
      }
    });

    it('refuses page sizes outside 1..100 and cursors it did not issue', async () => {
      for (const first of [0, -1, 101]) expect(codes(await t.gql(PRODUCTS, { first }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(PRODUCTS, { first: 1, after: 'garbage' }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(PRODUCTS, { first: 1, after: Buffer.from('["a"]').toString('base64url') }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(PRODUCTS, { first: 1, filter: { availableAt: 'nope' } }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('storesNear', () => {
    let sku: string;
    const loc: Record<string, { id: string }> = {};

    beforeAll(async () => {
      sku = (await createProduct(t, admin, { sizes: ['U'] })).variants[0].sku;
      // A point in the sea off Brittany, so other tests' stores are far away.
      const at = (dLat: number, dLng: number) => ({ lat: 47.5 + dLat, lng: -4.5 + dLng });
      loc.near = await createLocation(t, admin, { geo: at(0.01, 0) });
      loc.mid = await createLocation(t, admin, { geo: at(0.05, 0) });
      loc.far = await createLocation(t, admin, { geo: at(0.5, 0) });
      loc.wh = await createLocation(t, admin, { type: 'WAREHOUSE', pickupEnabled: false, geo: at(0.02, 0) });
      loc.noPickup = await createLocation(t, admin, { pickupEnabled: false, geo: at(0.03, 0) });
      await adjust(t, admin, loc.mid.id, sku, 4);
      await adjust(t, admin, loc.wh.id, sku, 50);
    });

    it('lists pickup stores within the radius, nearest first, zero stock included', async () => {
      const r = await t.gql(NEAR, { near: { lat: 47.5, lng: -4.5 }, radiusKm: 10, sku });
      expect(r.data.storesNear.map((s: { location: { id: string } }) => s.location.id)).toEqual([loc.near.id, loc.mid.id]);
      expect(r.data.storesNear.map((s: { available: number }) => s.available)).toEqual([0, 4]);
      expect(r.data.storesNear[0].distanceKm).toBeCloseTo(1.11, 1);
      expect(r.data.storesNear[1].distanceKm).toBeCloseTo(5.56, 1);
      const wide = await t.gql(NEAR, { near: { lat: 47.5, lng: -4.5 }, radiusKm: 100, sku });
      expect(wide.data.storesNear.map((s: { location: { id: string } }) => s.location.id)).toEqual([loc.near.id, loc.mid.id, loc.far.id]);
    });

    it('answers a known SKU with no store in range with an empty list, matching the SKU without regard to case', async () => {
      const empty = await t.gql(NEAR, { near: { lat: -45, lng: 170 }, radiusKm: 10, sku });
      expect(empty.errors).toBeUndefined();
      expect(empty.data.storesNear).toEqual([]);
      const lower = await t.gql(NEAR, { near: { lat: 47.5, lng: -4.5 }, radiusKm: 10, sku: ` ${sku.toLowerCase()} ` });
      expect(lower.data.storesNear.map((s: { location: { id: string } }) => s.location.id)).toEqual([loc.near.id, loc.mid.id]);
    });

    it('reads the SKU, the stores and their stock in one statement, for a SKU never asked before too', async () => {
      const fresh = [
        (await createProduct(t, admin, { sizes: ['U'] })).variants[0].sku,
        (await createProduct(t, admin, { sizes: ['U'] })).variants[0].sku,
      ];
      const statements = jest.spyOn(t.db.manager, 'query');
      try {
        for (const [i, near] of [
          { lat: 47.5, lng: -4.5 },
          { lat: -45, lng: 170 },
        ].entries()) {
          statements.mockClear();
          expect((await t.gql(NEAR, { near, radiusKm: 10, sku: fresh[i] })).errors).toBeUndefined();
          expect(statements.mock.calls.filter(([sql]) => /\b(product_variant|location|stock_level)\b/.test(sql))).toHaveLength(1);
        }
      } finally {
        statements.mockRestore();
      }
    });

    it('refuses impossible coordinates, radii and unknown SKUs', async () => {
      expect(codes(await t.gql(NEAR, { near: { lat: 91, lng: 0 }, radiusKm: 10, sku }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(NEAR, { near: { lat: 0, lng: -181 }, radiusKm: 10, sku }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(NEAR, { near: { lat: 47.5, lng: -4.5 }, radiusKm: 0, sku }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(NEAR, { near: { lat: 47.5, lng: -4.5 }, radiusKm: 100000, sku }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(NEAR, { near: { lat: 47.5, lng: -4.5 }, radiusKm: 10, sku: 'NOPE' }))).toEqual(['NOT_FOUND']);
    });
  });
});
