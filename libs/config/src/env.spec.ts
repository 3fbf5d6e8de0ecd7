import { describe, expect, it } from '@jest/globals';
import { validateEnv } from './env.js';

describe('validateEnv', () => {
  it('applies defaults and converts types', () => {
    const env = validateEnv({ PORT: '4000', SEED_DEMO_DATA: 'false' });
    expect(env).toMatchObject({ PORT: 4000, NODE_ENV: 'development', LOG_LEVEL: 'info', SEED_DEMO_DATA: false, DATABASE_POOL_SIZE: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long-enough-1' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'a@b.example' }, 'ADMIN_PASSWORD'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA'],
    [{ GRAPHQL_MAX_DEPTH: '1' }, 'GRAPHQL_MAX_DEPTH'],
    [{ GRAPHQL_MAX_COST: 'lots' }, 'GRAPHQL_MAX_COST'],
    [{ GRAPHQL_INTROSPECTION: 'sometimes' }, 'GRAPHQL_INTROSPECTION'],
    [{ REQUEST_BODY_LIMIT_KB: '0' }, 'REQUEST_BODY_LIMIT_KB'],
    [{ CORS_ORIGINS: 'shop.example' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://shop.example/path' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: '*,https://shop.example' }, 'CORS_ORIGINS'],
    [{ API_WORKERS: '0' }, 'API_WORKERS'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ PICKUP_CODE_SECRET: 'short' }, 'PICKUP_CODE_SECRET'],
    [{ API_WORKERS: '2', REDIS_URL: 'redis://127.0.0.1:6379' }, 'API_WORKERS: more than 1 needs DATABASE_URL'],
  ])('refuses %j naming %s', (raw, name) => {
    expect(() => validateEnv(raw)).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}`));
  });

  it('has request limits by default, and takes a list of CORS origins or *', () => {
    expect(validateEnv({})).toMatchObject({
      GRAPHQL_MAX_DEPTH: 12,
      GRAPHQL_MAX_COST: 10000,
      GRAPHQL_MAX_ALIASES: 15,
      GRAPHQL_MAX_DIRECTIVES: 50,
      GRAPHQL_MAX_TOKENS: 1000,
      REQUEST_BODY_LIMIT_KB: 100,
    });
    expect(validateEnv({}).CORS_ORIGINS).toBeUndefined();
    expect(validateEnv({ CORS_ORIGINS: 'https://shop.example, http://localhost:5173' }).CORS_ORIGINS).toBe(
      'https://shop.example, http://localhost:5173',
    );
    expect(validateEnv({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toBe('*');
    expect(validateEnv({ GRAPHQL_INTROSPECTION: 'off', GRAPHQL_PLAYGROUND: 'true' })).toMatchObject({
      GRAPHQL_INTROSPECTION: false,
      GRAPHQL_PLAYGROUND: true,
    });
  });

  it('treats empty values as unset', () => {
    expect(validateEnv({ DATABASE_URL: '', REDIS_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('takes TRUST_PROXY as hops or a list of addresses and ranges', () => {
    expect(validateEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe('1');
    expect(validateEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8, ::1');
  });

  it('takes the payments sandbox in production only when allowed explicitly, and Stripe only with its key', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' };
    expect(() => validateEnv({ ...prod, PAYMENT_PROVIDER: 'sandbox' })).toThrow(/PAYMENT_SANDBOX_IN_PRODUCTION/);
    expect(validateEnv({ ...prod, PAYMENT_PROVIDER: 'sandbox', PAYMENT_SANDBOX_IN_PRODUCTION: 'true' }).PAYMENT_PROVIDER).toBe('sandbox');
    expect(validateEnv(prod).PAYMENT_PROVIDER).toBeUndefined(); // no card payments, orders without payment still taken
    expect(() => validateEnv({ PAYMENT_PROVIDER: 'stripe' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => validateEnv({ PAYMENT_PROVIDER: 'paypal' })).toThrow(/PAYMENT_PROVIDER/);
  });
});
