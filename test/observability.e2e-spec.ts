import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

/** The value of one sample line of the exposition text, or undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const line = text.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`) && !l.startsWith(`${name} `)) return false;
    return Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`));
  });
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('observability: /metrics, /health/ready, error logging', () => {
  let t: TestApp;
  let errorLog: ReturnType<typeof jest.spyOn>;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => errorLog?.mockRestore());
  afterAll(() => t?.close());

  const scrape = async () => {
    const res = await t.http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  it('GET /metrics: default process metrics and the database pool', async () => {
    const text = await scrape();
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(sample(text, 'db_pool_max_connections')).toBe(process.env.TEST_DB_SERVER_URL ? 10 : 1);
    expect(sample(text, 'db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'db_pool_waiting_clients')).toBe(0);
  });

  it('GET /metrics: GraphQL requests timed by operation name and type, errors by code', async () => {
    await t.gql('query ProductsPage { products(first: 5) { totalCount } }');
    await t.gql('query ProductsPage { products(first: 5) { totalCount } }');
    await t.gql(`query ${'N'.repeat(65)} { __typename }`);
    await t.gql(
      'mutation Adjust { stockAdjust(input: { locationId: "x", sku: "Y", delta: 1, reason: "RECEIPT" }) { userErrors { code } } }',
    );
    await t.gql('query { nope }');
    const text = await scrape();
    const products = { operation_name: 'ProductsPage', operation_type: 'query' };
    expect(sample(text, 'graphql_requests_total', products)).toBe(2);
    expect(sample(text, 'graphql_request_duration_seconds_count', products)).toBe(2);
    expect(sample(text, 'graphql_request_duration_seconds_bucket', { ...products, le: '+Inf' })).toBe(2);
    expect(sample(text, 'graphql_requests_total', { operation_name: 'anonymous', operation_type: 'query' })).toBe(1);
    expect(sample(text, 'graphql_requests_total', { operation_name: 'Adjust', operation_type: 'mutation' })).toBe(1);
    expect(sample(text, 'graphql_requests_total', { operation_name: 'anonymous', operation_type: 'unknown' })).toBe(1);
    expect(text).not.toContain('N'.repeat(65));
    expect(sample(text, 'graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(sample(text, 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', { method: 'POST', path: '/graphql', status_code: '200' }),
    ).toBeGreaterThanOrEqual(4);
    expect(text).not.toContain('path="/metrics"');
  });

  it('GET /health/ready is 200 while PostgreSQL answers', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    expect(res.body.details.redis).toBeUndefined();
  });

  it('does not log expected refusals as errors', async () => {
    errorLog = jest.spyOn(Logger.prototype, 'error');
    const unauthenticated = await t.gql(
      'mutation { stockAdjust(input: { locationId: "x", sku: "Y", delta: 1, reason: "RECEIPT" }) { userErrors { code } } }',
    );
    expect(codes(unauthenticated)).toEqual(['UNAUTHENTICATED']);
    const badInput = await t.gql('query { products(first: 1000) { totalCount } }');
    expect(codes(badInput)).toEqual(['BAD_USER_INPUT']);
    const notFound = await t.gql('query { storesNear(near: { lat: 48.85, lng: 2.35 }, radiusKm: 5, sku: "NOPE") { distanceKm } }');
    expect(codes(notFound)).toEqual(['NOT_FOUND']);
    const channel = await t.gql('query { products(first: 1) { totalCount } }', {}, { channel: 'FAX' });
    expect(codes(channel)).toEqual(['BAD_USER_INPUT']);
    expect(errorLog).not.toHaveBeenCalled();
  });

  // Last: it takes the database away from this app.
  it('with PostgreSQL gone: /health/ready is 503, an unexpected error is logged once with the request id and leaks nothing', async () => {
    await t.db.destroy();
    errorLog = jest.spyOn(Logger.prototype, 'error');
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', 'req-db-gone-1')
      .send({ query: 'query { products(first: 1) { totalCount } }' });
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'Internal server error (request req-db-gone-1)',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-db-gone-1' },
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|pool|stack|at /i);
    expect(errorLog).toHaveBeenCalledTimes(1);
    expect(errorLog.mock.calls[0][0]).toMatchObject({ requestId: 'req-db-gone-1' });

    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'error', details: { database: { status: 'down' } } });
  });
});
