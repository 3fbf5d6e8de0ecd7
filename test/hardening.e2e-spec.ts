import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const PAGE = 'edges { node { slug name variants { sku size price { amount currency } availableOnline } } }';

describe('hardening: GraphQL limits, body size, batching, headers, CORS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://shop.example, https://app.example' });
  });
  afterAll(() => t?.close());

  it('accepts a query nested 12 deep and refuses 13, before any resolver runs', async () => {
    const ok = await t.gql(
      `query { products(first: 1) { edges { node { variants { product { variants { product { variants { product { variants { product { id } } } } } } } } } } } }`,
    );
    expect(ok.errors).toBeUndefined();
    const r = await t.gql(
      `query { products(first: 1) { edges { node { variants { product { variants { product { variants { product { variants { product { variants { sku } } } } } } } } } } } } }`,
    );
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.[0].message).toBe('Query depth limit of 12 exceeded, found 13.');
  });

  it('follows fragments when measuring depth, without counting them as a level', async () => {
    let chain = 'id';
    for (let i = 0; i < 6; i++) chain = `variants { product { ${chain} } }`;
    const r = await t.gql(`query { products(first: 1) { edges { node { ...Deep } } } } fragment Deep on Product { ${chain} }`);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.[0].message).toBe('Query depth limit of 12 exceeded, found 16.');
  });

  it('refuses more than 15 aliases', async () => {
    const fields = Array.from({ length: 16 }, (_, i) => `a${i}: products(first: 1) { totalCount }`).join(' ');
    const r = await t.gql(`query { ${fields} }`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.[0].message).toBe('Aliases limit of 15 exceeded, found 16.');
  });

  it('lets a page of 100 products with variants and prices through, and refuses five of them at once on cost', async () => {
    const one = await t.gql(`query { products(first: 100) { totalCount ${PAGE} } }`);
    expect(one.errors).toBeUndefined();
    const five = Array.from({ length: 5 }, (_, i) => `p${i}: products(first: 100) { ${PAGE} }`).join(' ');
    const r = await t.gql(`query { ${five} }`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.[0].message).toMatch(/^Query Cost limit of 10000 exceeded, found \d+\.$/);
  });

  it('refuses more than 50 directives', async () => {
    const fields = Array.from({ length: 51 }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ');
    const r = await t.gql(`query { ${fields} }`);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.[0].message).toBe('Directives limit of 50 exceeded, found 51.');
  });

  it('refuses a document of more than 1000 tokens while parsing it', async () => {
    const r = await t.gql(`query { ${'__typename '.repeat(1000)} }`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['GRAPHQL_PARSE_FAILED']);
    // graphql-js 16 spells it "more that".
    expect(r.errors?.[0].message).toMatch(/Document contains more th(an|at) 1000 tokens/);
  });

  it('answers a body over 100 kB with 413 and a JSON error, not a 500', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: 'query($x: String) { __typename }', variables: { x: 'a'.repeat(150_000) } }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      errors: [{ message: 'Request body is larger than the limit of 100 kB', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const res = await t.http().post('/graphql').set('content-type', 'application/json').send('{"query": "{ __typename ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a batch of operations with 400 and a clear error', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it("builds each request and response on Express's own prototypes, so Express does not change them per request", async () => {
    const express = t.app.getHttpAdapter().getInstance() as { request: object; response: object };
    const server = t.app.getHttpServer();
    const seen: { req: object | null; res: object | null; app?: unknown }[] = [];
    const onRequest = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const entry = { req: Object.getPrototypeOf(req), res: Object.getPrototypeOf(res) } as (typeof seen)[number];
      res.once('finish', () => (entry.app = (req as { app?: unknown }).app));
      seen.push(entry);
    };
    server.prependListener('request', onRequest);
    try {
      const r = await t.gql('query { products(first: 1) { totalCount } }');
      expect(r.errors).toBeUndefined();
      const health = await t.http().get('/health');
      expect(health.status).toBe(200);
    } finally {
      server.off('request', onRequest);
    }
    expect(seen).toHaveLength(2);
    for (const s of seen) {
      // As the server built them, before Express's app.handle ran: already what Express would set.
      expect(s.req).toBe(express.request);
      expect(s.res).toBe(express.response);
      expect(s.app).toBe(express);
    }
  });

  it('sets helmet headers on API responses, with a strict Content-Security-Policy', async () => {
    const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
    });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    const health = await t.http().get('/health');
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves GraphiQL outside production, without the CSP that would block its scripts', async () => {
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>GraphiQL</title>');
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('CORS: echoes an allowed origin, and gives any other origin no CORS header', async () => {
    const preflight = await t
      .http()
      .options('/graphql')
      .set('origin', 'https://shop.example')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type,authorization');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET,POST,OPTIONS');
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type,authorization');
    const allowed = await t
      .http()
      .post('/graphql')
      .set('origin', 'https://app.example')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(allowed.headers.vary).toMatch(/Origin/);
    const other = await t
      .http()
      .post('/graphql')
      .set('origin', 'https://evil.example')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const otherPreflight = await t
      .http()
      .options('/graphql')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST');
    expect(otherPreflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('hardening: production defaults', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars', CORS_ORIGINS: '' });
  });
  afterAll(() => t?.close());

  it('refuses introspection', async () => {
    const r = await t.gql('query { __schema { queryType { name } } }');
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.[0].message).toMatch(/introspection is not allowed/);
  });

  it('serves no GraphiQL page', async () => {
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.text).not.toContain('GraphiQL');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('does not spell out the schema in "Did you mean" hints', async () => {
    const r = await t.gql('query { prodcts(first: 1) { totalCount } }');
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.[0].message).toBe('Cannot query field "prodcts" on type "Query".');
  });

  it('sends no CORS header when CORS_ORIGINS is unset', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('origin', 'https://shop.example')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
