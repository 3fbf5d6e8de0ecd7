import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Q, registerShopper, type Shopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

/** Sign-in attempts are limited per email and per client address, in Redis when REDIS_URL is set. */
describe('login rate limiting', () => {
  let t: TestApp;
  let alice: Shopper;
  let bob: Shopper;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_EMAIL: '4', LOGIN_RATE_LIMIT_PER_IP: '10', LOGIN_RATE_LIMIT_WINDOW_SECONDS: '60' });
    alice = await registerShopper(t);
    bob = await registerShopper(t);
  });
  afterAll(() => t?.close());

  const attempt = (email: string, password = 'Wrong-Horse-1') => t.gql(Q.login, { input: { email, password } });

  it('locks one email after its limit, even with the right password, while others still sign in', async () => {
    // Registering counted once for each email (sign-ups are limited like sign-ins); 3 wrong passwords reach 4.
    for (let i = 0; i < 3; i++) expect((await attempt(alice.email)).data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    const blocked = await attempt(alice.email.toUpperCase(), alice.password);
    expect(codes(blocked)).toEqual(['RATE_LIMITED']);
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const other = await attempt(bob.email, bob.password);
    expect(other.data.login.token).toEqual(expect.any(String));
  });

  it('limits one address across emails', async () => {
    // 7 attempts so far from this address (2 sign-ups, 5 sign-ins); 3 more reach the limit of 10, the next is refused.
    for (let i = 0; i < 3; i++) await attempt(`nobody-${i}@test.example`);
    expect(codes(await attempt('someone-else@test.example'))).toEqual(['RATE_LIMITED']);
  });

  it('the counters live in Redis when it is configured', async () => {
    if (!process.env.REDIS_URL) return; // the in-process stand-in was checked above
    const { Redis } = await import('ioredis');
    const redis = new Redis(process.env.REDIS_URL);
    try {
      const keys = await redis.keys(`${process.env.REDIS_KEY_PREFIX}throttle:*`);
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});
