import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { moveClock, type MovableClock } from './support/clock.js';
import { createStaff, adminToken, createLocation } from './support/factories.js';
import { Q, registerShopper, type Shopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Sign-in is slowed per account by a growing wait, never locked (issue 19, finding 8: ten wrong
 * passwords used to lock the owner out for 15 minutes, right password included), and limited per client
 * address. Refusals are HTTP 429 with Retry-After, in Redis when REDIS_URL is set. The waits pass by
 * moving the app's Clock, not by sleeping.
 */
describe('sign-in throttling', () => {
  let t: TestApp;
  let alice: Shopper;
  let bob: Shopper;
  let clock: MovableClock;

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_FAILURES_BEFORE_DELAY: '3',
      LOGIN_MAX_DELAY_SECONDS: '2',
      LOGIN_RATE_LIMIT_PER_IP: '30',
      LOGIN_RATE_LIMIT_WINDOW_SECONDS: '60',
    });
    alice = await registerShopper(t);
    bob = await registerShopper(t);
    clock = moveClock(t.app);
  });
  afterAll(() => t?.close());

  const attempt = (email: string, password = 'Wrong-Horse-1') =>
    t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: Q.login, variables: { input: { email, password } } });

  it('after the free failures each attempt waits (429, Retry-After), and the right password passes once the wait is over', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt(alice.email)).body.data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    const waiting = await attempt(alice.email.toUpperCase(), alice.password);
    expect(waiting.status).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    expect(waiting.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect(waiting.body.errors[0].extensions.retryAfterSeconds).toBe(1);
    // Another account is not slowed.
    expect((await attempt(bob.email, bob.password)).body.data.login.token).toEqual(expect.any(String));
    clock.advance(1100);
    // A wrong password after the wait doubles it (2 s, the maximum here)...
    expect((await attempt(alice.email)).body.data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await attempt(alice.email, alice.password)).headers['retry-after']).toBe('2');
    clock.advance(2100);
    // ...and the owner still gets in: no lock-out, and the count starts again.
    expect((await attempt(alice.email, alice.password)).body.data.login.token).toEqual(expect.any(String));
    expect((await attempt(alice.email)).body.data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await attempt(alice.email, alice.password)).body.data.login.token).toEqual(expect.any(String));
  });

  it('staff sign-in and passwordChange are slowed the same way', async () => {
    const admin = await adminToken(t);
    const store = await createLocation(t, admin);
    const member = await createStaff(t, admin, 'ASSOCIATE', store.id);
    const change = (current: string) =>
      t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${member.token}`)
        .send({
          query: `mutation($i: PasswordChangeInput!) { passwordChange(input: $i) { token userErrors { code } } }`,
          variables: { i: { currentPassword: current, newPassword: 'Battery-Staple-2' } },
        });
    for (let i = 0; i < 3; i++)
      expect((await change('Wrong-Horse-1')).body.data.passwordChange.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    const refused = await change('Correct-Horse-1');
    expect([refused.status, refused.body.errors[0].extensions.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('limits one address across accounts, with HTTP 429', async () => {
    let last: Awaited<ReturnType<typeof attempt>> | undefined;
    for (let i = 0; i < 40 && last?.status !== 429; i++) last = await attempt(`nobody-${i}@test.example`);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(codes({ status: 429, data: null, errors: last!.body.errors })).toEqual(['RATE_LIMITED']);
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
