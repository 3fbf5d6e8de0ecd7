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
  ])('refuses %j naming %s', (raw, name) => {
    expect(() => validateEnv(raw)).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}`));
  });

  it('treats empty values as unset', () => {
    expect(validateEnv({ DATABASE_URL: '', REDIS_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
