import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createLocation, createStaff, login, unique } from './support/factories.js';
import { ADMIN, codes, startTestApp, type TestApp } from './support/test-app.js';

const LOCATION_CREATE = `mutation($input: LocationCreateInput!) { locationCreate(input: $input) {
  location { id code type pickupEnabled pickupHold timeZone geo { lat lng } address { city country } openingHours { day opens closes } }
  userErrors { code field message } } }`;
const STAFF_CREATE = `mutation($input: StaffCreateInput!) { staffCreate(input: $input) { staff { id role location { id } } userErrors { code field message } } }`;
const STAFF_LOGIN = `mutation($input: StaffLoginInput!) { staffLogin(input: $input) { token staff { id role location { id } } userErrors { code field message } } }`;

describe('locations and staff', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  const store = (over: Record<string, unknown> = {}) => ({
    code: unique('S'),
    name: 'Store',
    type: 'STORE',
    geo: { lat: 45.76, lng: 4.83 },
    ...over,
  });

  describe('locationCreate', () => {
    it('creates a store with its pickup hold, hours and defaults', async () => {
      const r = await t.gql(
        LOCATION_CREATE,
        {
          input: store({
            code: 'lyon-x1',
            pickupHold: 'P2D',
            address: { line1: '1 rue', city: 'Lyon', postalCode: '69002', country: 'FR' },
            openingHours: [{ day: 'MON', opens: '10:00', closes: '19:00' }],
          }),
        },
        { token: admin },
      );
      expect(r.data.locationCreate.userErrors).toEqual([]);
      expect(r.data.locationCreate.location).toMatchObject({
        code: 'LYON-X1',
        type: 'STORE',
        pickupEnabled: true,
        pickupHold: 'PT48H',
        timeZone: 'Europe/Paris',
        geo: { lat: 45.76, lng: 4.83 },
        address: { city: 'Lyon', country: 'FR' },
        openingHours: [{ day: 'MON', opens: '10:00', closes: '19:00' }],
      });
    });

    it('a warehouse is not a pickup point', async () => {
      const wh = await t.gql(LOCATION_CREATE, { input: store({ type: 'WAREHOUSE' }) }, { token: admin });
      expect(wh.data.locationCreate.location).toMatchObject({ type: 'WAREHOUSE', pickupEnabled: false, pickupHold: null });
      const refused = await t.gql(LOCATION_CREATE, { input: store({ type: 'WAREHOUSE', pickupEnabled: true }) }, { token: admin });
      expect(refused.data.locationCreate.userErrors[0]).toMatchObject({ code: 'PICKUP_NOT_AVAILABLE', field: ['pickupEnabled'] });
    });

    it('refuses a duplicate code, whatever its case', async () => {
      const code = unique('dup');
      await createLocation(t, admin, { code });
      const r = await t.gql(LOCATION_CREATE, { input: store({ code: code.toLowerCase() }) }, { token: admin });
      expect(r.data.locationCreate).toEqual({
        location: null,
        userErrors: [expect.objectContaining({ code: 'DUPLICATE', field: ['code'] })],
      });
    });

    it('refuses invalid durations, coordinates, time zones and hours', async () => {
      for (const pickupHold of ['48 hours', 'P1M', 'PT0S', 'P2Y']) {
        const r = await t.gql(LOCATION_CREATE, { input: store({ pickupHold }) }, { token: admin });
        expect(r.data.locationCreate.userErrors[0]).toMatchObject({ code: 'INVALID_DURATION', field: ['pickupHold'] });
      }
      for (const geo of [
        { lat: 95, lng: 0 },
        { lat: 0, lng: 200 },
      ]) {
        expect(codes(await t.gql(LOCATION_CREATE, { input: store({ geo }) }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
      }
      expect(codes(await t.gql(LOCATION_CREATE, { input: store({ geo: { lat: 'north', lng: 0 } }) }, { token: admin }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(
        (await t.gql(LOCATION_CREATE, { input: store({ timeZone: 'Mars/Olympus' }) }, { token: admin })).data.locationCreate.userErrors[0]
          .code,
      ).toBe('INVALID_TIME_ZONE');
      expect(
        codes(
          await t.gql(
            LOCATION_CREATE,
            { input: store({ openingHours: [{ day: 'MON', opens: '25:00', closes: '19:00' }] }) },
            { token: admin },
          ),
        ),
      ).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(LOCATION_CREATE, { input: store({ code: '' }) }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
    });

    it('is for admins only', async () => {
      const home = await createLocation(t, admin);
      const manager = await createStaff(t, admin, 'MANAGER', home.id);
      expect(codes(await t.gql(LOCATION_CREATE, { input: store() }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(LOCATION_CREATE, { input: store() }, { token: manager.token }))).toEqual(['FORBIDDEN']);
    });
  });

  describe('staff', () => {
    it('signs in with a token that carries role and location', async () => {
      const home = await createLocation(t, admin);
      const email = `${unique('a')}@test.example`;
      await t.gql(
        STAFF_CREATE,
        { input: { email, password: 'Correct-Horse-1', role: 'ASSOCIATE', locationId: home.id } },
        { token: admin },
      );
      const r = await t.gql(STAFF_LOGIN, { input: { email: email.toUpperCase(), password: 'Correct-Horse-1' } });
      expect(r.data.staffLogin.staff).toMatchObject({ role: 'ASSOCIATE', location: { id: home.id } });
      expect(r.data.staffLogin.token.split('.')).toHaveLength(3);
      const [row] = await t.db.query(`SELECT password_hash FROM staff WHERE lower(email) = lower($1)`, [email]);
      expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
      expect(row.password_hash).not.toContain('Correct-Horse-1');
    });

    it('refuses wrong passwords and unknown emails alike', async () => {
      for (const input of [
        { email: ADMIN.email, password: 'wrong-password' },
        { email: 'nobody@test.example', password: 'whatever' },
      ]) {
        const r = await t.gql(STAFF_LOGIN, { input });
        expect(r.data.staffLogin).toMatchObject({ token: null, staff: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
      }
    });

    it('refuses tampered and foreign tokens', async () => {
      const [h, p, s] = admin.split('.');
      const forged = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(p, 'base64url').toString()),
          role: 'ADMIN',
          sub: '00000000-0000-4000-8000-000000000000',
        }),
      ).toString('base64url');
      const r = await t.gql(
        STAFF_CREATE,
        { input: { email: 'x@test.example', password: 'Correct-Horse-1', role: 'ADMIN' } },
        { token: `${h}.${forged}.${s}` },
      );
      expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    });

    it('admins create staff; managers add associates to their own store only', async () => {
      const home = await createLocation(t, admin);
      const elsewhere = await createLocation(t, admin);
      const manager = await createStaff(t, admin, 'MANAGER', home.id);
      const associate = await createStaff(t, admin, 'ASSOCIATE', home.id);
      const input = (over: Record<string, unknown>) => ({
        input: { email: `${unique('n')}@test.example`, password: 'Correct-Horse-1', role: 'ASSOCIATE', locationId: home.id, ...over },
      });
      expect((await t.gql(STAFF_CREATE, input({}), { token: manager.token })).data.staffCreate.userErrors).toEqual([]);
      expect(codes(await t.gql(STAFF_CREATE, input({ locationId: elsewhere.id }), { token: manager.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(STAFF_CREATE, input({ role: 'MANAGER' }), { token: manager.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(STAFF_CREATE, input({}), { token: associate.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(STAFF_CREATE, input({})))).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses duplicate emails, missing home locations and weak passwords', async () => {
      const home = await createLocation(t, admin);
      const email = `${unique('d')}@test.example`;
      await t.gql(
        STAFF_CREATE,
        { input: { email, password: 'Correct-Horse-1', role: 'ASSOCIATE', locationId: home.id } },
        { token: admin },
      );
      const dup = await t.gql(
        STAFF_CREATE,
        { input: { email: email.toUpperCase(), password: 'Correct-Horse-1', role: 'ASSOCIATE', locationId: home.id } },
        { token: admin },
      );
      expect(dup.data.staffCreate.userErrors[0]).toMatchObject({ code: 'DUPLICATE', field: ['email'] });
      const noHome = await t.gql(
        STAFF_CREATE,
        { input: { email: `${unique('h')}@test.example`, password: 'Correct-Horse-1', role: 'MANAGER' } },
        { token: admin },
      );
      expect(noHome.data.staffCreate.userErrors[0]).toMatchObject({ code: 'LOCATION_REQUIRED' });
      const unknownHome = await t.gql(
        STAFF_CREATE,
        {
          input: {
            email: `${unique('h')}@test.example`,
            password: 'Correct-Horse-1',
            role: 'MANAGER',
            locationId: '00000000-0000-4000-8000-000000000000',
          },
        },
        { token: admin },
      );
      expect(unknownHome.data.staffCreate.userErrors[0]).toMatchObject({ code: 'UNKNOWN_LOCATION' });
      expect(
        codes(
          await t.gql(
            STAFF_CREATE,
            { input: { email: `${unique('w')}@test.example`, password: 'short', role: 'ADMIN' } },
            { token: admin },
          ),
        ),
      ).toEqual(['BAD_USER_INPUT']);
      expect(
        codes(
          await t.gql(STAFF_CREATE, { input: { email: 'not-an-email', password: 'Correct-Horse-1', role: 'ADMIN' } }, { token: admin }),
        ),
      ).toEqual(['BAD_USER_INPUT']);
    });

    it('the bootstrap admin is created once', async () => {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM staff WHERE lower(email) = lower($1)`, [ADMIN.email]);
      expect(n).toBe(1);
      expect(await login(t, ADMIN.email, ADMIN.password)).toBeTruthy();
    });
  });
});
