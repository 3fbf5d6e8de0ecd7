import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { ServiceSecrets } from '@app/common';
import { adjust, adminToken, createLocation, createProduct, createStaff, login } from './support/factories.js';
import { addLines, O, pickup, Q, registerShopper } from './support/shoppers.js';
import { serverSubscriptions } from './support/subscribed.js';
import { ADMIN, codes, startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseUrl, usingRealPostgres } from './support/test-database.js';
import { subscribe, wsClient } from './support/ws.js';

const E = 'userErrors { code field message }';
const M = {
  deactivate: `mutation($id: ID!) { staffDeactivate(id: $id) { staff { id active } ${E} } }`,
  update: `mutation($id: ID!, $input: StaffUpdateInput!) { staffUpdate(id: $id, input: $input) { staff { id role active location { id } } ${E} } }`,
  passwordChange: `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token ${E} } }`,
  signOut: `mutation { signOut { signedOut ${E} } }`,
  staffLogin: `mutation($input: StaffLoginInput!) { staffLogin(input: $input) { token ${E} } }`,
};
const LEVEL = `query($l: ID!, $s: String!) { stockLevel(locationId: $l, sku: $s) { onHand } }`;

/** Tokens that can be taken back (issue 19, finding 3): each request checks the account as it is now. */
describe('sessions: deactivation, role and store changes, password changes and sign-out take effect at once', () => {
  let t: TestApp;
  let url: string;
  let admin: string;
  let A: { id: string };
  let B: { id: string };
  let sku: string;

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    admin = await adminToken(t);
    A = await createLocation(t, admin);
    B = await createLocation(t, admin);
    sku = (await createProduct(t, admin, { sizes: ['U'] })).variants[0].sku;
  });
  afterAll(() => t?.close());

  const canReadStockAt = async (token: string, loc: { id: string }) => codes(await t.gql(LEVEL, { l: loc.id, s: sku }, { token }));

  it('a deactivated member cannot sign in, and the tokens they hold stop working at once (also over WebSocket)', async () => {
    const email = `deact-${Date.now()}@test.example`;
    const created = await t.gql(
      `mutation($input: StaffCreateInput!) { staffCreate(input: $input) { staff { id } ${E} } }`,
      { input: { email, password: 'Correct-Horse-1', role: 'ASSOCIATE', locationId: A.id } },
      { token: admin },
    );
    const id = created.data.staffCreate.staff.id;
    const token = await login(t, email, 'Correct-Horse-1');
    expect(await canReadStockAt(token, A)).toEqual([]);
    const ws = wsClient(url, token);
    const subscribed = serverSubscriptions(t.app).after(1);
    const queue = subscribe(ws, `subscription($l: ID!) { pickupQueueChanged(locationId: $l) { id } }`, { l: A.id });
    await subscribed;
    expect(queue.errors).toEqual([]);

    const r = await t.gql(M.deactivate, { id }, { token: admin });
    expect(r.data.staffDeactivate).toEqual({ staff: { id, active: false }, userErrors: [] });
    const [entry] = await t.db.query(
      `SELECT action, before->>'active' AS before, after->>'active' AS after FROM audit_entry WHERE subject_id = $1
       ORDER BY created_at DESC, id DESC LIMIT 1`, // the latest: the member's creation is audited too
      [id],
    );
    expect(entry).toEqual({ action: 'STAFF_DEACTIVATED', before: 'true', after: 'false' });
    const after = await t.gql(LEVEL, { l: A.id, s: sku }, { token });
    expect([after.status, codes(after)]).toEqual([401, ['UNAUTHENTICATED']]);
    expect(await ws.closed).toBe(4403);
    const again = await t.gql(M.staffLogin, { input: { email, password: 'Correct-Horse-1' } });
    expect(again.data.staffLogin.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_CREDENTIALS']);
    // Reactivated, they sign in afresh; the old token stays dead.
    expect((await t.gql(M.update, { id, input: { active: true } }, { token: admin })).data.staffUpdate.staff.active).toBe(true);
    expect(codes(await t.gql(LEVEL, { l: A.id, s: sku }, { token }))).toEqual(['UNAUTHENTICATED']);
    expect(await canReadStockAt(await login(t, email, 'Correct-Horse-1'), A)).toEqual([]);
  });

  it('who may deactivate whom', async () => {
    const managerA = await createStaff(t, admin, 'MANAGER', A.id);
    const associateA = await createStaff(t, admin, 'ASSOCIATE', A.id);
    const associateB = await createStaff(t, admin, 'ASSOCIATE', B.id);
    expect(codes(await t.gql(M.deactivate, { id: associateB.id }, { token: managerA.token }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(M.deactivate, { id: managerA.id }, { token: associateA.token }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(M.update, { id: associateA.id, input: { role: 'ADMIN' } }, { token: managerA.token }))).toEqual(['FORBIDDEN']);
    expect((await t.gql(M.deactivate, { id: associateA.id }, { token: managerA.token })).data.staffDeactivate.staff.active).toBe(false);
    const self = await t.gql(M.deactivate, { id: managerA.id }, { token: managerA.token });
    expect(self.data.staffDeactivate.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
  });

  it('a demotion or a new home store applies to the very next request, without signing in again', async () => {
    const second = await createStaff(t, admin, 'ADMIN', null);
    const newStore = `mutation($i: LocationCreateInput!) { locationCreate(input: $i) { ${E} } }`;
    const store = { i: { code: `S-${Date.now()}`, name: 'S', type: 'STORE', geo: { lat: 1, lng: 1 } } };
    expect(codes(await t.gql(newStore, store, { token: second.token }))).toEqual([]);
    await t.gql(M.update, { id: second.id, input: { role: 'ASSOCIATE', locationId: A.id } }, { token: admin });
    expect(codes(await t.gql(newStore, store, { token: second.token }))).toEqual(['FORBIDDEN']);
    expect(await canReadStockAt(second.token, A)).toEqual([]);
    expect(codes(await t.gql(O.queue, { locationId: B.id }, { token: second.token }))).toEqual(['FORBIDDEN']);
    await t.gql(M.update, { id: second.id, input: { locationId: B.id } }, { token: admin });
    expect(codes(await t.gql(O.queue, { locationId: B.id }, { token: second.token }))).toEqual([]);
    expect(codes(await t.gql(O.queue, { locationId: A.id }, { token: second.token }))).toEqual(['FORBIDDEN']);
  });

  it('passwordChange: the right current password gives a new token and ends every other session; a wrong one changes nothing', async () => {
    const alice = await registerShopper(t);
    const otherDevice = (await t.gql(Q.login, { input: { email: alice.email, password: alice.password } })).data.login.token;
    const wrong = await t.gql(
      M.passwordChange,
      { input: { currentPassword: 'Wrong-Horse-1', newPassword: 'Battery-Staple-2' } },
      { token: alice.token },
    );
    expect(wrong.data.passwordChange).toEqual({
      token: null,
      userErrors: [expect.objectContaining({ code: 'INVALID_CREDENTIALS', field: ['currentPassword'] })],
    });
    expect(codes(await t.gql(Q.me, {}, { token: otherDevice }))).toEqual([]);
    const ok = await t.gql(
      M.passwordChange,
      { input: { currentPassword: alice.password, newPassword: 'Battery-Staple-2' } },
      { token: alice.token },
    );
    const fresh = ok.data.passwordChange.token;
    expect(fresh).toEqual(expect.any(String));
    for (const old of [alice.token, otherDevice]) expect(codes(await t.gql(Q.me, {}, { token: old }))).toEqual(['UNAUTHENTICATED']);
    expect((await t.gql(Q.me, {}, { token: fresh })).data.me.id).toBe(alice.id);
    expect((await t.gql(Q.login, { input: { email: alice.email, password: alice.password } })).data.login.userErrors[0].code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await t.gql(Q.login, { input: { email: alice.email, password: 'Battery-Staple-2' } })).data.login.token).toEqual(
      expect.any(String),
    );
    // Staff too.
    const associate = await createStaff(t, admin, 'ASSOCIATE', A.id);
    const changed = await t.gql(
      M.passwordChange,
      { input: { currentPassword: 'Correct-Horse-1', newPassword: 'Battery-Staple-2' } },
      { token: associate.token },
    );
    expect(codes(await t.gql(LEVEL, { l: A.id, s: sku }, { token: associate.token }))).toEqual(['UNAUTHENTICATED']);
    expect(await canReadStockAt(changed.data.passwordChange.token, A)).toEqual([]);
    expect(codes(await t.gql(M.passwordChange, { input: { currentPassword: 'x', newPassword: 'Battery-Staple-3' } }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('signOut ends every session of the account, customer or staff', async () => {
    const bob = await registerShopper(t);
    const phone = (await t.gql(Q.login, { input: { email: bob.email, password: bob.password } })).data.login.token;
    expect((await t.gql(M.signOut, {}, { token: bob.token })).data.signOut).toEqual({ signedOut: true, userErrors: [] });
    for (const tk of [bob.token, phone]) expect(codes(await t.gql(Q.me, {}, { token: tk }))).toEqual(['UNAUTHENTICATED']);
    const associate = await createStaff(t, admin, 'ASSOCIATE', A.id);
    await t.gql(M.signOut, {}, { token: associate.token });
    expect(codes(await t.gql(LEVEL, { l: A.id, s: sku }, { token: associate.token }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(M.signOut))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a token without an expiry, one signed with the old public development secret, and one of another account kind', async () => {
    const jwt = new JwtService({});
    const secret = t.app.get(ServiceSecrets).jwt;
    const staffId = (await t.db.query(`SELECT id FROM staff WHERE email = $1`, [ADMIN.email]))[0].id;
    const noExpiry = await jwt.signAsync({ sub: staffId, typ: 'staff', ver: 0 }, { secret, issuer: 'commerce-api' });
    const publicSecret = await jwt.signAsync(
      { sub: staffId, typ: 'staff', ver: 0 },
      { secret: 'development-only-secret-do-not-use-in-production', issuer: 'commerce-api', expiresIn: 600 },
    );
    const oldShape = await jwt.signAsync(
      { sub: staffId, typ: 'staff', role: 'ADMIN', loc: null },
      { secret, issuer: 'commerce-api', expiresIn: 600 },
    );
    const wellMade = await jwt.signAsync({ sub: staffId, typ: 'staff', ver: 0 }, { secret, issuer: 'commerce-api', expiresIn: 600 });
    for (const token of [noExpiry, publicSecret, oldShape])
      expect(codes(await t.gql(LEVEL, { l: A.id, s: sku }, { token }))).toEqual(['UNAUTHENTICATED']);
    // The same claims with an expiry pass: the refusals above are for the reasons named.
    expect(await canReadStockAt(wellMade, A)).toEqual([]);
  });
});

describe('secrets: one per database outside production, and pickup codes that survive a JWT_SECRET rotation', () => {
  /** A database two apps can use one after the other: a real one, or a PGlite folder. */
  const sharedDatabase = async (): Promise<Record<string, string>> =>
    usingRealPostgres()
      ? { DATABASE_URL: (await testDatabaseUrl())! }
      : { PGLITE_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'sessions-')), 'pglite') };

  it("two databases get two different generated secrets, and one's tokens mean nothing to the other", async () => {
    const one = await startTestApp();
    const two = await startTestApp();
    try {
      expect(one.app.get(ServiceSecrets).jwt).not.toBe(two.app.get(ServiceSecrets).jwt);
      expect(one.app.get(ServiceSecrets).jwt.length).toBeGreaterThanOrEqual(32);
      const token = await adminToken(one);
      expect(codes(await one.gql('{ customerLookup(query: "x@test.example") { id } }', {}, { token }))).toEqual([]);
      expect(codes(await two.gql('{ customerLookup(query: "x@test.example") { id } }', {}, { token }))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it("in production the demo staff do not get the README's password (docker compose seeds the demo there)", async () => {
    const t = await startTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      SEED_DEMO_DATA: 'true',
    });
    try {
      const r = await t.gql(M.staffLogin, { input: { email: 'demo.admin@example.com', password: 'demo-password-1' } });
      expect(r.data.staffLogin.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_CREDENTIALS']);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM staff WHERE email = 'demo.admin@example.com'`))[0].n).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('the same database keeps its secret across restarts; PICKUP_CODE_SECRET keeps open pickup codes through a JWT_SECRET rotation', async () => {
    const db = await sharedDatabase();
    const oldSecret = 'old-jwt-secret-of-at-least-thirty-two-characters';
    let t = await startTestApp({ ...db, BACKGROUND_JOBS: 'false', JWT_SECRET: oldSecret });
    let placed: { orderId: string; fulfillmentId: string; code: string; storeId: string; customer: string };
    try {
      const admin = await adminToken(t);
      const store = await createLocation(t, admin);
      const v = (await createProduct(t, admin, { sizes: ['U'] })).variants[0];
      await adjust(t, admin, store.id, v.sku, 2);
      const alice = await registerShopper(t);
      const cart = (await t.gql(Q.me, {}, { token: alice.token })).data.me.cart;
      await addLines(t, cart.id, [pickup(v.id, store.id)], { token: alice.token });
      const order = (await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: 'rotation' } }, { token: alice.token })).data
        .checkout.order;
      placed = {
        orderId: order.id,
        fulfillmentId: order.fulfillments[0].id,
        code: order.fulfillments[0].pickupCode,
        storeId: store.id,
        customer: alice.email,
      };
      expect(placed.code).toMatch(/^[A-Z0-9]{6}$/);
    } finally {
      await t.close();
    }
    // Rotated: new JWT_SECRET, the old one kept for pickup codes.
    t = await startTestApp({
      ...db,
      BACKGROUND_JOBS: 'false',
      JWT_SECRET: 'new-jwt-secret-of-at-least-thirty-two-characters',
      PICKUP_CODE_SECRET: oldSecret,
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
    });
    try {
      const admin = await adminToken(t);
      const shopper = (await t.gql(Q.login, { input: { email: placed!.customer, password: 'Correct-Horse-1' } })).data.login.token;
      expect((await t.gql(O.order, { id: placed!.orderId }, { token: shopper })).data.order.fulfillments[0].pickupCode).toBe(placed!.code);
      await t.gql(O.markReady, { id: placed!.fulfillmentId }, { token: admin });
      const collected = await t.gql(O.collect, { id: placed!.fulfillmentId, code: placed!.code }, { token: admin });
      expect(collected.data.fulfillmentCollect).toEqual({
        fulfillment: { id: placed!.fulfillmentId, status: 'COLLECTED' },
        userErrors: [],
      });
    } finally {
      await t.close();
    }
  });
});

/** Two API processes on one database and one Redis: a sign-out in one is refused by the other at once, not after SESSION_CACHE_MS. */
const real = usingRealPostgres() && Boolean(process.env.REDIS_URL);
(real ? describe : describe.skip)('sessions across processes (needs DATABASE_URL and REDIS_URL)', () => {
  it('the other process drops its kept state when the change commits', async () => {
    const DATABASE_URL = (await testDatabaseUrl())!;
    const shared = { DATABASE_URL, REDIS_KEY_PREFIX: `test:sessions-${Date.now()}:`, SESSION_CACHE_MS: '3600000' };
    const one = await startTestApp(shared);
    const two = await startTestApp({ ...shared, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    try {
      const alice = await registerShopper(one);
      for (let i = 0; i < 3; i++) expect(codes(await two.gql(Q.me, {}, { token: alice.token }))).toEqual([]); // kept by process two now
      await one.gql(M.signOut, {}, { token: alice.token });
      let refused: (string | undefined)[] = [];
      for (let i = 0; i < 50 && !refused.length; i++) {
        refused = codes(await two.gql(Q.me, {}, { token: alice.token }));
        if (!refused.length) await new Promise((r) => setTimeout(r, 20));
      }
      expect(refused).toEqual(['UNAUTHENTICATED']); // within a second, where the cache alone would keep it an hour
    } finally {
      await one.close();
      await two.close();
    }
  });
});
