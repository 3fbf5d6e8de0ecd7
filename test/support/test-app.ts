import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/main.js';
import { testDatabaseUrl } from './test-database.js';

const setByEarlierApps = new Set<string>();

export const ADMIN = { email: 'admin@test.example', password: 'admin-password-1' };

export interface GqlOptions {
  token?: string;
  channel?: string;
}

/**
 * What the tests get back from GraphQL when they name no type: JSON read by its shape, which the
 * assertions check. The one place the e2e tests opt out of static types (see eslint.config.js).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read by shape; the assertions check them
export type AnyJson = any;

export interface GqlResult<T = AnyJson> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestApp {
  app: NestExpressApplication;
  db: DataSource;
  gql<T = AnyJson>(query: string, variables?: Record<string, unknown>, opts?: GqlOptions): Promise<GqlResult<T>>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real AppModule on its own database (a template copy on PostgreSQL, in-memory PGlite otherwise)
 * and, when REDIS_URL is set, the real Redis under a key prefix of its own.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const url = await testDatabaseUrl();
  const settings: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: url,
    PGLITE_DATA_DIR: 'memory://',
    DATABASE_POOL_SIZE: '10',
    REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO_DATA: 'false',
    PASSWORD_HASH_COST: '12',
    // Tests fire many operations from one address; the limits have tests of their own.
    RESPONSE_CACHE_MS: '0', // tests read their own writes at once; test/response-cache covers the cache
    RATE_LIMIT_READS_PER_MINUTE: '1000000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    RATE_LIMIT_CHECKOUTS_PER_MINUTE: '1000000',
    ...env,
  };
  // What an earlier app of this test file set and this one does not: unset, so settings never leak from app to app.
  for (const k of setByEarlierApps) if (!(k in settings)) delete process.env[k];
  for (const [k, v] of Object.entries(settings)) {
    setByEarlierApps.add(k);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const app = await createApp();
  await app.init();
  const server = app.getHttpServer();
  const gql = async (query: string, variables: Record<string, unknown> = {}, opts: GqlOptions = {}) => {
    const req = request(server).post('/graphql').set('content-type', 'application/json');
    if (opts.token) req.set('authorization', `Bearer ${opts.token}`);
    if (opts.channel) req.set('x-channel', opts.channel);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body?.data, errors: res.body?.errors };
  };
  return {
    app,
    db: app.get(DataSource),
    gql,
    http: () => request(server),
    close: () => app.close(),
  };
}

/** The `extensions.code` of each error, for asserting refusals. */
export const codes = (r: GqlResult): (string | undefined)[] => (r.errors ?? []).map((e) => e.extensions?.code);
