import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '@app/common';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, guestCart, pickup } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const NEAR = `query($near: GeoPointInput!, $radiusKm: Float!, $sku: String!) { storesNear(near: $near, radiusKm: $radiusKm, sku: $sku) {
  location { id preparationTime } available readyBy } }`;
const PROMISE = `query($sku: String!, $locationId: ID!) { pickupPromise(sku: $sku, locationId: $locationId) }`;
const UPDATE = `mutation($id: ID!, $input: LocationUpdateInput!) { locationUpdate(id: $id, input: $input) {
  location { id preparationTime } userErrors { code field } } }`;

const PARIS = { lat: 48.8566, lng: 2.3522 };
const hours = (days: string[]) => days.map((day) => ({ day, opens: '10:00', closes: '19:00' }));
const MON_SAT = hours(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']);
/** Wednesday 6 January 2027, 12:00 in Paris (UTC+1): every promise below is counted from it. */
const NOW = Date.parse('2027-01-06T11:00:00Z');

describe('the ready-by promise: when a size could be ready for pickup at a store', () => {
  let t: TestApp;
  let admin: string;
  let now = NOW; // the app's time, held still so promises can be compared to the millisecond
  let restore: () => void;
  let A: { id: string }; // the size on the shelf
  let B: { id: string }; // 4.4 km north, none: sent from A
  let C: { id: string }; // open on Thursdays only
  let D: { id: string }; // its hours are New York's
  let W: { id: string };
  let v: { id: string; sku: string }[];

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false', LEAD_TIME_BASE_HOURS: '24', LEAD_TIME_HOURS_PER_100_KM: '12' });
    admin = await adminToken(t);
    A = await createLocation(t, admin, { geo: PARIS, openingHours: MON_SAT });
    B = await createLocation(t, admin, { geo: { lat: 48.8966, lng: 2.3522 }, openingHours: MON_SAT, preparationTime: 'PT1H' });
    C = await createLocation(t, admin, { geo: { lat: 48.8566, lng: 2.3822 }, openingHours: hours(['THU']) });
    D = await createLocation(t, admin, { geo: { lat: 48.8566, lng: 2.3222 }, openingHours: MON_SAT, timeZone: 'America/New_York' });
    W = await createLocation(t, admin, { type: 'WAREHOUSE', geo: { lat: 48.73, lng: 2.36 }, pickupHold: undefined });
    v = (await createProduct(t, admin, { sizes: ['S', 'M', 'L'], price: 12900 })).variants;
    await adjust(t, admin, A.id, v[0].sku, 1);
    await adjust(t, admin, W.id, v[0].sku, 5);
    await adjust(t, admin, C.id, v[2].sku, 2);
    await adjust(t, admin, D.id, v[2].sku, 2);
    const spy = jest.spyOn(t.app.get(Clock, { strict: false }), 'now').mockImplementation(() => now);
    restore = () => spy.mockRestore();
  });
  afterAll(async () => {
    restore?.();
    await t?.close();
  });

  const near = async (sku: string) => {
    const r = await t.gql(NEAR, { near: PARIS, radiusKm: 20, sku });
    expect(r.errors).toBeUndefined();
    return new Map<string, { available: number; readyBy: string | null; location: { preparationTime: string } }>(
      r.data.storesNear.map((s: { location: { id: string } }) => [s.location.id, s]),
    );
  };

  it('is sooner where the size is on the shelf than where it must be sent, and the same for pickupPromise', async () => {
    const s = await near(v[0].sku);
    expect(s.get(A.id)?.location.preparationTime).toBe('PT2H'); // the default
    // On A's shelf: 12:00 + 2 h preparation, open.
    expect(s.get(A.id)?.readyBy).toBe('2027-01-06T13:00:00.000Z');
    // B has none: from A, the nearest that has it (4.4 km, nearer than the warehouse): 25 h + 1 h, Thursday 14:00 in Paris.
    expect(s.get(B.id)?.readyBy).toBe('2027-01-07T13:00:00.000Z');
    expect(Date.parse(s.get(A.id)!.readyBy!)).toBeLessThan(Date.parse(s.get(B.id)!.readyBy!));
    expect((await t.gql(PROMISE, { sku: v[0].sku, locationId: A.id })).data.pickupPromise).toBe('2027-01-06T13:00:00.000Z');
    expect((await t.gql(PROMISE, { sku: v[0].sku, locationId: B.id })).data.pickupPromise).toBe('2027-01-07T13:00:00.000Z');
  });

  it('is null where no location has the size', async () => {
    const s = await near(v[1].sku);
    expect(s.size).toBe(4);
    expect([...s.values()].map((x) => x.readyBy)).toEqual([null, null, null, null]);
    expect((await t.gql(PROMISE, { sku: v[1].sku, locationId: A.id })).data.pickupPromise).toBeNull();
  });

  it('waits for the next opening, in the store’s own time zone', async () => {
    const s = await near(v[2].sku);
    // C is closed on Wednesdays: ready at its next opening, Thursday 10:00 in Paris.
    expect(s.get(C.id)?.readyBy).toBe('2027-01-07T09:00:00.000Z');
    // D keeps New York's hours: 14:00 UTC is 09:00 there, so 10:00 New York (15:00 UTC).
    expect(s.get(D.id)?.readyBy).toBe('2027-01-06T15:00:00.000Z');
    // A has none: from C (2.2 km), 25 h + 2 h, Thursday 15:00 in Paris.
    expect(s.get(A.id)?.readyBy).toBe('2027-01-07T14:00:00.000Z');
    // After C's Thursday hours, the promise moves to the next Thursday.
    now = NOW + 32 * 3600e3; // Thursday 20:00 in Paris
    try {
      expect((await t.gql(PROMISE, { sku: v[2].sku, locationId: C.id })).data.pickupPromise).toBe('2027-01-14T09:00:00.000Z');
    } finally {
      now = NOW;
    }
  });

  it('follows a store’s preparation time, which admins set as an ISO-8601 duration', async () => {
    const bad = await t.gql(UPDATE, { id: A.id, input: { preparationTime: 'two hours' } }, { token: admin });
    expect(bad.data.locationUpdate.userErrors).toEqual([{ code: 'INVALID_DURATION', field: ['preparationTime'] }]);
    const ok = await t.gql(UPDATE, { id: A.id, input: { preparationTime: 'PT30M' } }, { token: admin });
    expect(ok.data.locationUpdate.location.preparationTime).toBe('PT30M');
    expect((await t.gql(PROMISE, { sku: v[0].sku, locationId: A.id })).data.pickupPromise).toBe('2027-01-06T11:30:00.000Z');
    await t.gql(UPDATE, { id: A.id, input: { preparationTime: 'PT2H' } }, { token: admin });
  });

  it('pickupPromise: NOT_FOUND for an unknown SKU or location; null where pickups are not taken', async () => {
    expect(codes(await t.gql(PROMISE, { sku: 'NOPE-404', locationId: A.id }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(PROMISE, { sku: v[0].sku, locationId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(PROMISE, { sku: v[0].sku, locationId: 'not-an-id' }))).toEqual(['NOT_FOUND']);
    expect((await t.gql(PROMISE, { sku: v[0].sku, locationId: W.id })).data.pickupPromise).toBeNull();
  });
  it('is the promise each pickup is given at checkout, and the pickup queue goes soonest first', async () => {
    const [variant] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
    await adjust(t, admin, A.id, variant.sku, 5);
    const checkout = async (store: { id: string }) => {
      const c = await guestCart(t);
      await addLines(t, c.id, [pickup(variant.id, store.id)]);
      const r = await t.gql(
        `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id fulfillments { id type readyBy } } userErrors { code } } }`,
        { input: { cartId: c.id, idempotencyKey: `rb-${Math.random()}`, contact: { email: 'rb@test.example' }, shippingAddress: ADDRESS } },
      );
      expect(r.data.checkout.userErrors).toEqual([]);
      return r.data.checkout.order.fulfillments[0];
    };
    now = NOW + 3600e3; // ordered at 13:00: ready at 15:00
    const later = await checkout(A);
    now = NOW; // placed after it, at 12:00 by the app's clock: ready at 14:00 - 1 h, the shelf's 2 h from 12:00
    const sooner = await checkout(A);
    expect([sooner.type, sooner.readyBy, later.readyBy]).toEqual(['PICKUP', '2027-01-06T13:00:00.000Z', '2027-01-06T14:00:00.000Z']);
    expect(sooner.readyBy).toBe((await t.gql(PROMISE, { sku: variant.sku, locationId: A.id })).data.pickupPromise);
    const sent = await checkout(B); // none at B: sent, promised later than A's shelf
    expect(sent.type).toBe('SHIP_TO_STORE');
    expect(Date.parse(sent.readyBy)).toBeGreaterThan(Date.parse(sooner.readyBy));
    const staff = (await createStaff(t, admin, 'ASSOCIATE', A.id)).token;
    const queue = (await t.gql(`query($l: ID!) { pickupQueue(locationId: $l) { id readyBy } }`, { l: A.id }, { token: staff })).data
      .pickupQueue;
    const ours = queue.filter((f: { id: string }) => f.id === sooner.id || f.id === later.id).map((f: { id: string }) => f.id);
    expect(ours).toEqual([sooner.id, later.id]); // placed after it, promised before it
  });
});
