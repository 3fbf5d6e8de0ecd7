import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { adjust, adminToken, createLocation, createProduct } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Aliases, a fragment, directives, an enum, a float, money, lists and nulls: what the compiled path must render like graphql-js.
const CATALOGUE = `query Catalogue($first: Int!, $after: String, $search: String, $withSizes: Boolean!) {
  __typename
  products(first: $first, after: $after, filter: { search: $search }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ...Card variants { sku size @include(if: $withSizes) colour barcode price { amount currency } stock: availableOnline } } }
  }
}
fragment Card on Product { id slug title: name brand category images description }`;
const NEAR = `query Near($near: GeoPointInput!, $sku: String!, $slug: String!) {
  storesNear(near: $near, radiusKm: 50, sku: $sku) { distanceKm available location { id code type name } }
  product(slug: $slug) { id }
}`;
const CART = `query Cart($id: ID!) { cart(id: $id) { id } }`;

/**
 * compiledQueriesPlugin: a repeated public query runs compiled (graphql-jit) from its second use and
 * answers byte for byte what graphql-js answered; errors are left to graphql-js; other queries and
 * mutations never take the compiled path; GRAPHQL_COMPILED_QUERIES=false switches it off.
 */
describe('compiled public queries', () => {
  let t: TestApp;
  let word: string;
  let sku: string;

  const post = (query: string, variables: Record<string, unknown>) =>
    t.http().post('/graphql').set('content-type', 'application/json').send({ query, variables });
  const executions = async (outcome: string): Promise<number> => {
    const text = (await t.http().get('/metrics')).text;
    const m = new RegExp(`^graphql_compiled_executions_total\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(text);
    return m ? Number(m[1]) : 0;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await adminToken(t);
    word = `zc${Date.now().toString(36)}`.replace(/\d/g, 'x'); // letters only: one word for PostgreSQL's parser
    const store = await createLocation(t, admin, { geo: { lat: 45.764, lng: 4.8357 } });
    for (const n of [1, 2, 3]) {
      const p = await createProduct(t, admin, { name: `${word} coat ${n}`, sizes: ['S', 'M'] });
      sku = p.variants[0].sku;
      expect((await adjust(t, admin, store.id, sku, n)).errors).toBeUndefined();
    }
  });
  afterAll(() => t?.close());

  it('answers a repeated catalogue page compiled, with the bytes graphql-js answered', async () => {
    const variables = { first: 2, search: word, withSizes: true };
    const before = await executions('compiled');
    const interpreted = await post(CATALOGUE, variables);
    expect(interpreted.status).toBe(200);
    expect(interpreted.body.errors).toBeUndefined();
    expect(interpreted.body.data.products.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      `${word} coat 1`,
      `${word} coat 2`,
    ]);
    const compiled = [await post(CATALOGUE, variables), await post(CATALOGUE, variables)];
    expect(await executions('compiled')).toBe(before + 2);
    for (const r of compiled) {
      expect(r.status).toBe(200);
      expect(r.text).toBe(interpreted.text);
    }
    // Other variables through the same compiled function: the next page, sizes left out.
    const next = { first: 2, search: word, withSizes: false, after: interpreted.body.data.products.pageInfo.endCursor };
    const page2 = await post(CATALOGUE, next);
    expect(await executions('compiled')).toBe(before + 3);
    expect(page2.body.data.products.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([`${word} coat 3`]);
    expect(page2.body.data.products.edges[0].node.variants[0]).toEqual({
      sku,
      colour: 'navy',
      barcode: null,
      price: { amount: 12900, currency: 'EUR' },
      stock: 3,
    });
  });

  it('renders storesNear (floats, enums, a null root) compiled as graphql-js does', async () => {
    const variables = { near: { lat: 45.75, lng: 4.85 }, sku, slug: 'no-such-product' };
    const interpreted = await post(NEAR, variables);
    expect(interpreted.body.data.product).toBeNull();
    expect(interpreted.body.data.storesNear).toEqual([
      expect.objectContaining({ available: 3, location: expect.objectContaining({ type: 'STORE' }) }),
    ]);
    const before = await executions('compiled');
    const compiled = await post(NEAR, variables);
    expect(await executions('compiled')).toBe(before + 1);
    expect(compiled.text).toBe(interpreted.text);
  });

  it('leaves errors to graphql-js: a bad cursor or a bad variable answers the same every time', async () => {
    for (const variables of [
      { first: 2, withSizes: true, after: 'not-a-cursor' },
      { first: 'two', withSizes: true },
      { first: 500, withSizes: true },
    ]) {
      const answers = [await post(CATALOGUE, variables), await post(CATALOGUE, variables), await post(CATALOGUE, variables)];
      expect(answers[0].body.errors?.length).toBeGreaterThan(0);
      for (const r of answers.slice(1)) {
        expect(r.status).toBe(answers[0].status);
        expect(r.body.errors.map((e: { extensions: unknown }) => e.extensions)).toEqual(
          answers[0].body.errors.map((e: { extensions: unknown }) => e.extensions),
        );
        expect(r.body.data).toEqual(answers[0].body.data);
      }
    }
    expect(await executions('rerun')).toBeGreaterThan(0);
  });

  it('reads plain fields as properties: only fields with a resolver of their own keep one', () => {
    const { schema } = t.app.get(GraphQLSchemaHost);
    const field = (type: string, name: string) => {
      const found = schema.getType(type);
      return isObjectType(found) ? found.getFields()[name] : undefined;
    };
    for (const [type, name] of [
      ['Product', 'name'],
      ['ProductVariant', 'sku'],
      ['Money', 'amount'],
      ['Cart', 'id'],
    ]) {
      expect(field(type, name)).toBeDefined();
      expect(field(type, name)!.resolve).toBeUndefined();
    }
    for (const [type, name] of [
      ['Product', 'variants'],
      ['ProductVariant', 'availableOnline'],
      ['Query', 'products'],
      ['Mutation', 'checkout'],
    ]) {
      expect(field(type, name)!.resolve).toEqual(expect.any(Function));
    }
  });

  it('never compiles a document with a string literal: graphql-jit writes literals into generated code', async () => {
    const g = globalThis as { compiledQueriesProbe?: string };
    delete g.compiledQueriesProbe;
    // graphql-jit 0.8.9 turns this marker inside a literal into code (new Date(...)), unescaped.
    const payload = `__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d(globalThis.compiledQueriesProbe='ran',0)`;
    const before = (await executions('compiled')) + (await executions('rerun'));
    for (const query of [
      `{ product(slug: "${payload}") { id } }`,
      `query($s: String = "${payload}") { product(slug: $s) { id } }`,
      `query($s: String!) { products(first: 1, filter: { search: "${payload}" }) { totalCount } product(slug: $s) { id } }`,
    ]) {
      for (let i = 0; i < 3; i++)
        expect((await post(query, { s: 'no-such-slug' })).body.data).toEqual(expect.objectContaining({ product: null }));
    }
    expect(g.compiledQueriesProbe).toBeUndefined();
    expect((await executions('compiled')) + (await executions('rerun'))).toBe(before);
  });

  it('never compiles other queries or mutations', async () => {
    const before = (await executions('compiled')) + (await executions('rerun'));
    for (let i = 0; i < 3; i++) {
      expect((await post(CART, { id: '00000000-0000-4000-8000-000000000000' })).body.data).toEqual({ cart: null });
      expect((await post(`mutation { cartCreate { cart { id } } }`, {})).body.errors).toBeUndefined();
    }
    expect((await executions('compiled')) + (await executions('rerun'))).toBe(before);
  });
});

describe('compiled public queries switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_COMPILED_QUERIES: 'false' });
  });
  afterAll(() => t?.close());

  it('runs every query on graphql-js', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: CATALOGUE, variables: { first: 1, withSizes: true } });
      expect(r.body.errors).toBeUndefined();
    }
    expect((await t.http().get('/metrics')).text).not.toMatch(/^graphql_compiled_executions_total\{/m);
  });
});
