import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ERROR_TABLE_END, ERROR_TABLE_START, ErrorCode, renderErrorTable } from '@app/common';
import { adminToken, createLocation, createProduct } from './support/factories.js';
import { guestCart, Q, registerShopper } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The README's error table, row by row: the codes it names, where they come, and the HTTP statuses it says. */
function readmeTable(): Map<string, { where: string; statuses: number[] }> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Error codes'), readme.indexOf('\n## ', readme.indexOf('## Error codes') + 5));
  const rows = new Map<string, { where: string; statuses: number[] }>();
  for (const line of section.split('\n').filter((l) => /^\| `/.test(l))) {
    const [codes, where, http] = line
      .split('|')
      .slice(1)
      .map((c) => c.trim());
    const statuses = [...http.matchAll(/\b[1-5]\d\d\b/g)].map((m) => Number(m[0]));
    for (const [, code] of codes.matchAll(/`([A-Z_]+)`/g)) rows.set(code, { where, statuses });
  }
  return rows;
}

type Probe = () => Promise<{ status: number; code: string | undefined }>;

/** What the README's error table says (issue 19): each code's HTTP status, checked against the running service. */
describe('the README error table tells the truth', () => {
  let t: TestApp;
  let limited: TestApp;
  let admin: string;
  let customer: string;
  let sku: string;
  const table = readmeTable();

  beforeAll(async () => {
    t = await startTestApp();
    limited = await startTestApp({ RATE_LIMIT_READS_PER_MINUTE: '1', LOGIN_FAILURES_BEFORE_DELAY: '1' });
    admin = await adminToken(t);
    customer = (await registerShopper(t)).token;
    await createLocation(t, admin);
    sku = (await createProduct(t, admin, { sizes: ['U'] })).variants[0].sku;
  });
  afterAll(async () => {
    await t?.close();
    await limited?.close();
  });

  const post = (app: TestApp, body: unknown, headers: Record<string, string> = {}) => {
    const req = app.http().post('/graphql').set('content-type', 'application/json');
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req.send(body as object);
  };
  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, app = t) => {
    const res = await post(app, { query, variables }, headers);
    const thrown = res.body?.errors?.[0]?.extensions?.code;
    const payload = res.body?.data && (Object.values(res.body.data)[0] as { userErrors?: { code: string }[] } | null);
    return { status: res.status, code: thrown ?? payload?.userErrors?.[0]?.code };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const PROBES: [string, number, Probe][] = [
    ['UNAUTHENTICATED', 401, () => gql('{ __typename }', {}, bearer('garbage'))],
    ['UNAUTHENTICATED', 200, () => gql('mutation { signOut { signedOut } }')],
    ['FORBIDDEN', 403, () => gql('{ __typename }', {}, { 'x-channel': 'STORE' })],
    ['FORBIDDEN', 200, () => gql('{ customerLookup(query: "x@test.example") { id } }', {}, bearer(customer))],
    [
      'NOT_FOUND',
      200,
      () =>
        gql('query($s: String!) { storesNear(near: { lat: 48.85, lng: 2.35 }, radiusKm: 5, sku: $s) { available } }', { s: 'NO-SUCH-SKU' }),
    ],
    ['BAD_USER_INPUT', 400, () => gql('{ __typename }', {}, { 'x-channel': 'FAX' })],
    ['BAD_USER_INPUT', 400, () => gql('query($f: Int!) { products(first: $f) { totalCount } }', { f: 'ten' })],
    ['BAD_USER_INPUT', 200, () => gql('{ products(first: 1000) { totalCount } }')],
    ['GRAPHQL_VALIDATION_FAILED', 400, () => gql('{ nothingHere }')],
    ['OPERATION_RESOLUTION_FAILURE', 400, () => gql('query A { __typename } query B { __typename }')],
    [
      'PERSISTED_QUERY_NOT_FOUND',
      200,
      async () => {
        const res = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
        return { status: res.status, code: res.body?.errors?.[0]?.extensions?.code };
      },
    ],
    ['GRAPHQL_PARSE_FAILED', 400, () => gql('{')],
    [
      'BAD_REQUEST',
      400,
      async () => {
        const res = await post(t, [{ query: '{ __typename }' }]);
        return { status: res.status, code: res.body?.errors?.[0]?.extensions?.code };
      },
    ],
    [
      'PAYLOAD_TOO_LARGE',
      413,
      async () => {
        const res = await post(t, { query: '{ __typename }', variables: { x: 'a'.repeat(150_000) } });
        return { status: res.status, code: res.body?.errors?.[0]?.extensions?.code };
      },
    ],
    [
      'RATE_LIMITED',
      429,
      async () => {
        await gql('{ __typename }', {}, {}, limited);
        return gql('{ __typename }', {}, {}, limited);
      },
    ],
    [
      'RATE_LIMITED',
      429,
      async () => {
        await gql(Q.login, { input: { email: 'nobody@test.example', password: 'Wrong-Horse-1' } }, {}, limited);
        return gql(Q.login, { input: { email: 'nobody@test.example', password: 'Wrong-Horse-1' } }, {}, limited);
      },
    ],
    ['INVALID_CREDENTIALS', 200, () => gql(Q.login, { input: { email: 'nobody@test.example', password: 'Wrong-Horse-1' } })],
    [
      'EMPTY_CART',
      200,
      async () =>
        gql('mutation($i: CheckoutInput!) { checkout(input: $i) { userErrors { code } } }', {
          i: { cartId: (await guestCart(t)).id, idempotencyKey: 'empty', contact: { email: 'e@test.example' } },
        }),
    ],
    // Last: it breaks the database under the app.
    [
      'INTERNAL_SERVER_ERROR',
      200,
      async () => {
        await t.db.query('ALTER TABLE location RENAME TO location_gone');
        return gql('query($s: String!) { storesNear(near: { lat: 48.85, lng: 2.35 }, radiusKm: 5, sku: $s) { available } }', { s: sku });
      },
    ],
  ];

  it('is the table generated from the one list of codes (npm run docs:errors)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(ERROR_TABLE_START);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + ERROR_TABLE_START.length, readme.indexOf(ERROR_TABLE_END)).trim()).toBe(renderErrorTable());
  });

  it('lists every code the service has, once, and no other', () => {
    const known = Object.values(ErrorCode).sort();
    expect([...table.keys()].sort()).toEqual(known);
    for (const [code, row] of table)
      expect({ code, statuses: row.statuses.length > 0 || /none/.test(row.where + code) || code === 'TOO_MANY_SUBSCRIPTIONS' }).toEqual({
        code,
        statuses: true,
      });
  });

  it.each(PROBES)('%s answers HTTP %d, and the table says so', async (code, status, probe) => {
    expect(await probe()).toEqual({ code, status });
    expect(table.get(code)?.statuses).toContain(status);
  });
});
