import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createStaff, unique } from './support/factories.js';
import { ADDRESS, addLines, guestCart, O, pickup, Q } from './support/shoppers.js';
import { codes, type GqlResult, startTestApp, type TestApp } from './support/test-app.js';

const E = 'userErrors { code field message }';
const PRODUCT =
  'id name description brand category archived images gallery { url alt } variants { id sku size colour price { amount } archived }';
const M = {
  create: `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { ${PRODUCT} } ${E} } }`,
  update: `mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { product { ${PRODUCT} } ${E} } }`,
  archive: `mutation($id: ID!) { productArchive(id: $id) { product { id archived } ${E} } }`,
  unarchive: `mutation($id: ID!) { productUnarchive(id: $id) { product { id archived } ${E} } }`,
  variantsAdd: `mutation($productId: ID!, $variants: [VariantInput!]!) { variantsAdd(productId: $productId, variants: $variants) { product { id variants { sku size } } ${E} } }`,
  variantUpdate: `mutation($input: VariantUpdateInput!) { variantUpdate(input: $input) { variant { id sku price { amount } barcode archived } ${E} } }`,
  byId: `query($id: ID!) { productById(id: $id) { ${PRODUCT} allVariants { sku archived } } }`,
  page: `query($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) { products(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name variants { sku } } } } }`,
  categories: `query { categories { name productCount } }`,
  near: `query($sku: String!) { storesNear(near: { lat: 48.8566, lng: 2.3522 }, radiusKm: 50, sku: $sku) { location { id } available } }`,
  cartLines: `query($id: ID!) { cart(id: $id) { lines { purchasable variant { sku } } cost { subtotal { amount } } } }`,
};

describe('back office: the catalogue', () => {
  let t: TestApp;
  let admin: string;
  let associate: string;
  let store: { id: string };
  const word = unique('bo').toLowerCase().replace('-', '');

  /** A product of this file's own (its name holds `word`), sizes with their prices and colours. */
  async function product(name: string, variants: { size: string; price: number; colour?: string }[], category = `cat${word}`) {
    const key = unique('P');
    const r = await t.gql(
      M.create,
      {
        input: {
          slug: key.toLowerCase(),
          name: `${name} ${word}`,
          category,
          variants: variants.map((v) => ({
            sku: `${key}-${v.size}`,
            size: v.size,
            colour: v.colour ?? 'black',
            price: { amount: v.price, currency: 'EUR' },
          })),
        },
      },
      { token: admin },
    );
    expect(r.data.productCreate.userErrors).toEqual([]);
    return r.data.productCreate.product as { id: string; variants: { id: string; sku: string }[] };
  }

  const audit = async (subjectId: string): Promise<{ action: string; before: unknown; after: unknown; staff_id: string | null }[]> =>
    t.db.query(`SELECT action, before, after, staff_id FROM audit_entry WHERE subject_id = $1 ORDER BY created_at`, [subjectId]);

  async function walk(sort: string, first: number, filter: Record<string, unknown> = { search: word }): Promise<string[]> {
    const names: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const r: GqlResult = await t.gql(M.page, { first, after, filter, sort });
      expect(r.errors).toBeUndefined();
      names.push(...r.data.products.edges.map((e: { node: { name: string } }) => e.node.name.replace(` ${word}`, '')));
      if (!r.data.products.pageInfo.hasNextPage) return names;
      after = r.data.products.pageInfo.endCursor;
    }
    throw new Error('more than 50 pages');
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    store = await createLocation(t, admin, { geo: { lat: 48.857, lng: 2.352 } });
    associate = (await createStaff(t, admin, 'ASSOCIATE', store.id)).token;
  });
  afterAll(() => t?.close());

  describe('productUpdate', () => {
    it('changes only the fields given, is read back by id, and audits before and after in its transaction', async () => {
      const p = await product('Parka', [{ size: 'M', price: 9900 }]);
      const r = await t.gql(
        M.update,
        {
          id: p.id,
          input: { name: `Long parka ${word}`, brand: 'North', gallery: [{ url: 'https://img.example/p.jpg', alt: 'A long parka' }] },
        },
        { token: admin },
      );
      expect(r.data.productUpdate.userErrors).toEqual([]);
      const read = (await t.gql(M.byId, { id: p.id })).data.productById;
      expect(read).toMatchObject({
        name: `Long parka ${word}`,
        brand: 'North',
        category: `cat${word}`,
        images: ['https://img.example/p.jpg'],
        gallery: [{ url: 'https://img.example/p.jpg', alt: 'A long parka' }],
      });
      const entries = await audit(p.id);
      expect(entries.map((e) => e.action)).toEqual(['PRODUCT_CREATED', 'PRODUCT_UPDATED']);
      expect(entries[1].staff_id).not.toBeNull();
      expect(entries[1].before).toEqual({ name: `Parka ${word}`, brand: null, images: [], imageAlts: {} });
      expect(entries[1].after).toEqual({
        name: `Long parka ${word}`,
        brand: 'North',
        images: ['https://img.example/p.jpg'],
        imageAlts: { 'https://img.example/p.jpg': 'A long parka' },
      });
      // The same values again: nothing changes, nothing is audited.
      await t.gql(M.update, { id: p.id, input: { brand: 'North' } }, { token: admin });
      expect(await audit(p.id)).toHaveLength(2);
    });

    it('refuses bad input, other roles and unknown ids, changing nothing and auditing nothing', async () => {
      const p = await product('Cape', [{ size: 'M', price: 5000 }]);
      const bad = [
        { name: '' },
        { name: null },
        { category: 'Not A Slug' },
        { images: ['not a url'] },
        { images: ['https://a.example/1.jpg'], gallery: [{ url: 'https://a.example/1.jpg' }] },
      ];
      for (const input of bad) expect(codes(await t.gql(M.update, { id: p.id, input }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(M.update, { id: p.id, input: { name: 'x' } }, { token: associate }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(M.update, { id: randomUUID(), input: { name: 'x' } }, { token: admin }))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(M.update, { id: 'nope', input: { name: 'x' } }, { token: admin }))).toEqual(['NOT_FOUND']);
      expect((await t.gql(M.byId, { id: p.id })).data.productById.name).toBe(`Cape ${word}`);
      expect((await audit(p.id)).map((e) => e.action)).toEqual(['PRODUCT_CREATED']);
    });
  });

  describe('prices', () => {
    it('a new price shows in open carts at once; a placed order keeps the price it was placed at', async () => {
      const p = await product('Loafer', [{ size: '40', price: 12000 }]);
      const sku = p.variants[0].sku;
      await adjust(t, admin, store.id, sku, 5);
      const placed = await guestCart(t);
      await addLines(t, placed.id, [pickup(p.variants[0].id, store.id)]);
      const order = (
        await t.gql(O.checkout, {
          input: { cartId: placed.id, idempotencyKey: randomUUID(), contact: { email: 'a@test.example' }, shippingAddress: ADDRESS },
        })
      ).data.checkout.order;
      const open = await guestCart(t);
      await addLines(t, open.id, [pickup(p.variants[0].id, store.id, 2)]);

      const r = await t.gql(
        M.variantUpdate,
        { input: { sku: sku.toLowerCase(), price: { amount: 13500, currency: 'EUR' } } },
        { token: admin },
      );
      expect(r.data.variantUpdate).toMatchObject({ variant: { sku, price: { amount: 13500 } }, userErrors: [] });
      expect((await t.gql(M.cartLines, { id: open.id })).data.cart.cost.subtotal.amount).toBe(27000);
      expect((await t.gql(O.order, { id: order.id }, { token: admin })).data.order.total.amount).toBe(12000);
      const [entry] = (await audit(p.variants[0].id)).filter((e) => e.action === 'VARIANT_UPDATED');
      expect([entry.before, entry.after]).toEqual([
        { sku, price: 12000 },
        { sku, price: 13500 },
      ]);
    });

    it('refuses a price in another currency, an unknown SKU and a taken barcode, changing nothing', async () => {
      const [a, b] = [await product('Belt', [{ size: 'U', price: 3000 }]), await product('Strap', [{ size: 'U', price: 2000 }])];
      const update = (input: Record<string, unknown>) => t.gql(M.variantUpdate, { input }, { token: admin });
      await update({ sku: a.variants[0].sku, barcode: '12345678901' + word.length });
      const refusals = [
        [{ sku: b.variants[0].sku, price: { amount: 100, currency: 'USD' } }, 'CURRENCY_MISMATCH'],
        [{ sku: 'NO-SUCH-SKU-AT-ALL', price: { amount: 100, currency: 'EUR' } }, 'UNKNOWN_SKU'],
        [{ sku: b.variants[0].sku, barcode: '12345678901' + word.length }, 'DUPLICATE'],
      ] as const;
      for (const [input, code] of refusals)
        expect((await update(input)).data.variantUpdate.userErrors.map((e: { code: string }) => e.code)).toEqual([code]);
      expect(codes(await update({ sku: b.variants[0].sku, price: { amount: -1, currency: 'EUR' } }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await update({ sku: b.variants[0].sku, barcode: '12ab' }))).toEqual(['BAD_USER_INPUT']);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1 AND action = 'VARIANT_UPDATED'`, [
        b.variants[0].id,
      ]);
      expect(n).toBe(0);
      expect(
        (await t.gql(`query($s: String!) { variant(sku: $s) { price { amount } barcode } }`, { s: b.variants[0].sku })).data.variant,
      ).toEqual({
        price: { amount: 2000 },
        barcode: null,
      });
    });
  });

  describe('archiving', () => {
    it('an archived product leaves listings, search, categories and storesNear, cannot be added, and blocks the checkout of a cart that holds it', async () => {
      const category = `arch${word}`;
      const p = await product('Trench', [{ size: 'M', price: 15000 }], category);
      const sku = p.variants[0].sku;
      await adjust(t, admin, store.id, sku, 4);
      const cart = await guestCart(t);
      await addLines(t, cart.id, [pickup(p.variants[0].id, store.id)]);
      expect((await t.gql(M.near, { sku })).data.storesNear.some((s: { location: { id: string } }) => s.location.id === store.id)).toBe(
        true,
      );

      expect((await t.gql(M.archive, { id: p.id }, { token: admin })).data.productArchive).toEqual({
        product: { id: p.id, archived: true },
        userErrors: [],
      });
      const listed = await t.gql(M.page, { first: 50, filter: { search: `Trench ${word}` } });
      expect(listed.data.products).toMatchObject({ totalCount: 0, edges: [] });
      expect((await t.gql(M.categories)).data.categories.some((c: { name: string }) => c.name === category)).toBe(false);
      expect((await t.gql(M.near, { sku })).data.storesNear).toEqual([]);
      expect((await t.gql(M.byId, { id: p.id })).data.productById).toMatchObject({ archived: true, variants: [{ sku, archived: true }] });

      const other = await guestCart(t);
      const refused = await t.gql(Q.cartLinesAdd, { cartId: other.id, lines: [pickup(p.variants[0].id, store.id)] });
      expect(refused.data.cartLinesAdd.userErrors).toMatchObject([{ code: 'PRODUCT_UNAVAILABLE', field: ['lines', '0', 'variantId'] }]);
      expect((await t.gql(M.cartLines, { id: cart.id })).data.cart.lines).toEqual([{ purchasable: false, variant: { sku } }]);
      const checkout = await t.gql(O.checkout, {
        input: { cartId: cart.id, idempotencyKey: randomUUID(), contact: { email: 'b@test.example' }, shippingAddress: ADDRESS },
      });
      expect(checkout.data.checkout.userErrors).toMatchObject([{ code: 'PRODUCT_UNAVAILABLE', field: ['lines', '0'] }]);
      expect((await t.gql(O.level, { locationId: store.id, sku }, { token: admin })).data.stockLevel).toEqual({
        onHand: 4,
        reserved: 0,
        available: 4,
      });

      // Back on sale: everything as before, and the cart checks out.
      await t.gql(M.unarchive, { id: p.id }, { token: admin });
      expect((await t.gql(M.page, { first: 50, filter: { search: `Trench ${word}` } })).data.products.totalCount).toBe(1);
      expect((await t.gql(M.cartLines, { id: cart.id })).data.cart.lines).toEqual([{ purchasable: true, variant: { sku } }]);
      const again = await t.gql(O.checkout, {
        input: { cartId: cart.id, idempotencyKey: randomUUID(), contact: { email: 'b@test.example' }, shippingAddress: ADDRESS },
      });
      expect(again.data.checkout.userErrors).toEqual([]);
      expect((await audit(p.id)).map((e) => e.action)).toEqual(['PRODUCT_CREATED', 'PRODUCT_ARCHIVED', 'PRODUCT_UNARCHIVED']);
    });

    it("an archived size leaves the product's variants and filters but stays in allVariants; the product stays listed", async () => {
      const p = await product('Boot', [
        { size: '40', price: 10000 },
        { size: '41', price: 8000 },
      ]);
      const [v40, v41] = p.variants;
      expect(
        (await t.gql(M.page, { first: 10, filter: { search: word, sizes: ['41'] } })).data.products.edges.map(
          (e: { node: { id: string } }) => e.node.id,
        ),
      ).toContain(p.id);
      const r = await t.gql(M.variantUpdate, { input: { sku: v41.sku, archived: true } }, { token: admin });
      expect(r.data.variantUpdate.variant).toMatchObject({ archived: true });
      const read = (await t.gql(M.byId, { id: p.id })).data.productById;
      expect(read.variants.map((v: { sku: string }) => v.sku)).toEqual([v40.sku]);
      expect(read.allVariants).toEqual([
        { sku: v40.sku, archived: false },
        { sku: v41.sku, archived: true },
      ]);
      expect(
        (await t.gql(M.page, { first: 10, filter: { search: word, sizes: ['41'] } })).data.products.edges.map(
          (e: { node: { id: string } }) => e.node.id,
        ),
      ).not.toContain(p.id);
      // Its price no longer sets the product's "from" price: the boot sorts at 100.00.
      const [{ price_from }] = await t.db.query(`SELECT price_from FROM product WHERE id = $1`, [p.id]);
      expect(price_from).toBe(10000);
      const cart = await guestCart(t);
      const refused = await t.gql(Q.cartLinesAdd, { cartId: cart.id, lines: [pickup(v41.id, store.id)] });
      expect(refused.data.cartLinesAdd.userErrors.map((e: { code: string }) => e.code)).toEqual(['PRODUCT_UNAVAILABLE']);
    });
  });

  describe('variantsAdd', () => {
    it('adds sizes after the others, all or nothing, audited only when they are added', async () => {
      const p = await product('Sneaker', [{ size: '40', price: 9000 }]);
      const add = (variants: unknown[]) => t.gql(M.variantsAdd, { productId: p.id, variants }, { token: admin });
      const v = (size: string, currency = 'EUR') => ({ sku: `${p.variants[0].sku}-${size}`, size, price: { amount: 9000, currency } });
      const ok = await add([v('41'), v('42')]);
      expect(ok.data.variantsAdd.product.variants.map((x: { size: string }) => x.size)).toEqual(['40', '41', '42']);
      const dup = await add([v('43'), { ...v('44'), sku: p.variants[0].sku }]);
      expect(dup.data.variantsAdd.userErrors.map((e: { code: string }) => e.code)).toEqual(['DUPLICATE']);
      const currency = await add([v('45', 'USD')]);
      expect(currency.data.variantsAdd.userErrors.map((e: { code: string }) => e.code)).toEqual(['CURRENCY_MISMATCH']);
      expect(codes(await add([]))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await add([{ sku: 'bad sku!', price: { amount: 1, currency: 'EUR' } }]))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(M.variantsAdd, { productId: p.id, variants: [v('46')] }, { token: associate }))).toEqual(['FORBIDDEN']);
      const read = (await t.gql(M.byId, { id: p.id })).data.productById;
      expect(read.variants.map((x: { size: string }) => x.size)).toEqual(['40', '41', '42']);
      expect((await audit(p.id)).map((e) => e.action)).toEqual(['PRODUCT_CREATED', 'VARIANTS_ADDED']);
    });
  });

  describe('browsing', () => {
    let made: Record<string, string>;
    beforeAll(async () => {
      // Names, prices and creation times chosen so that each sort gives another order, with ties to break by id.
      made = {};
      const specs: [string, { size: string; price: number; colour?: string }[]][] = [
        ['Alpha', [{ size: '38', price: 5000, colour: 'white' }]],
        [
          'Bravo',
          [
            { size: '41', price: 3000, colour: 'white' },
            { size: '38', price: 9000, colour: 'black' },
          ],
        ],
        ['Charlie', [{ size: '41', price: 7000, colour: 'black' }]],
        ['Delta', [{ size: 'M', price: 5000, colour: 'Red' }]],
        ['Echo', [{ size: 'L', price: 5000, colour: 'red' }]],
      ];
      for (const [name, variants] of specs) made[name] = (await product(name, variants, `browse${word}`)).id;
      // Delta and Echo created at the same microsecond: NEWEST breaks the tie by id.
      await t.db.query(`UPDATE product SET created_at = '2026-01-02T03:04:05.123456Z' WHERE id = ANY($1::uuid[])`, [
        [made.Delta, made.Echo],
      ]);
      await t.db.query(`UPDATE product SET created_at = '2026-01-01T00:00:00Z' WHERE id = $1`, [made.Alpha]);
    });
    const byIdDesc = (a: string, b: string) => (made[a] > made[b] ? [a, b] : [b, a]);
    const filter = () => ({ category: `browse${word}` });

    it('walks every page exactly once under each sort, whatever the page size', async () => {
      const price = ['Bravo', ...['Alpha', 'Delta', 'Echo'].sort((a, b) => (made[a] < made[b] ? -1 : 1)), 'Charlie'];
      const expected: Record<string, string[]> = {
        NAME: ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'],
        PRICE_ASC: price,
        PRICE_DESC: [...price].reverse(),
        NEWEST: ['Charlie', 'Bravo', ...byIdDesc('Delta', 'Echo'), 'Alpha'],
      };
      for (const [sort, names] of Object.entries(expected))
        for (const first of [1, 2, 5]) expect({ sort, first, names: await walk(sort, first, filter()) }).toEqual({ sort, first, names });
      // A search sorts its matches the same way (they come from the full-text index, then are sorted).
      for (const [sort, names] of Object.entries(expected))
        expect({ sort, names: await walk(sort, 2, { ...filter(), search: word }) }).toEqual({ sort, names });
    });

    it('refuses a cursor issued for another sort, or not by this API', async () => {
      const first = (sort: string) => t.gql(M.page, { first: 1, filter: filter(), sort });
      const cursors = Object.fromEntries(
        await Promise.all(
          ['NAME', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST'].map(async (s) => [s, (await first(s)).data.products.pageInfo.endCursor]),
        ),
      );
      for (const [issuedFor, cursor] of Object.entries(cursors))
        for (const sort of Object.keys(cursors).filter((s) => s !== issuedFor))
          expect({ issuedFor, sort, codes: codes(await t.gql(M.page, { first: 1, after: cursor, filter: filter(), sort })) }).toEqual({
            issuedFor,
            sort,
            codes: ['BAD_USER_INPUT'],
          });
      const forged = Buffer.from(JSON.stringify(['n', '1e99', randomUUID()])).toString('base64url');
      expect(codes(await t.gql(M.page, { first: 1, after: forged, sort: 'NEWEST' }))).toEqual(['BAD_USER_INPUT']);
    });

    it('filters by size, colour and price on one and the same size on sale', async () => {
      const names = async (f: Record<string, unknown>) => walk('NAME', 10, { ...filter(), ...f });
      expect(await names({ sizes: ['41'] })).toEqual(['Bravo', 'Charlie']);
      expect(await names({ sizes: ['41'], colours: ['BLACK'] })).toEqual(['Charlie']); // Bravo's 41 is white, its black is a 38
      expect(await names({ colours: ['red'] })).toEqual(['Delta', 'Echo']);
      expect(await names({ minPrice: 6000 })).toEqual(['Bravo', 'Charlie']);
      expect(await names({ minPrice: 4000, maxPrice: 5000 })).toEqual(['Alpha', 'Delta', 'Echo']);
      expect(await names({ sizes: ['41'], maxPrice: 3000 })).toEqual(['Bravo']);
      const counted = await t.gql(M.page, { first: 1, filter: { ...filter(), colours: ['red'] } });
      expect(counted.data.products.totalCount).toBe(2);
      expect(codes(await t.gql(M.page, { first: 1, filter: { minPrice: 10, maxPrice: 5 } }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(M.page, { first: 1, filter: { minPrice: -1 } }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(M.page, { first: 1, filter: { sizes: [''] } }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(M.page, { first: 1, filter: { search: 'x'.repeat(201) } }))).toEqual(['BAD_USER_INPUT']); // the filter is validated as a whole
    });

    it('lists categories with their products on sale', async () => {
      const cats = (await t.gql(M.categories)).data.categories;
      expect(cats.find((c: { name: string }) => c.name === `browse${word}`)).toEqual({ name: `browse${word}`, productCount: 5 });
      const names = cats.map((c: { name: string }) => c.name);
      expect(names).toEqual([...names].sort());
    });

    it('reads a product by id (null for an unknown or malformed id)', async () => {
      expect((await t.gql(M.byId, { id: made.Alpha })).data.productById.name).toBe(`Alpha ${word}`);
      expect((await t.gql(M.byId, { id: randomUUID() })).data.productById).toBeNull();
      expect((await t.gql(M.byId, { id: 'not-an-id' })).data.productById).toBeNull();
    });
  });
});
