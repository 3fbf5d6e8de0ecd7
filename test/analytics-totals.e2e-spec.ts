import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createLocation, createStaff } from './support/factories.js';
import { codes, type GqlResult, startTestApp, type TestApp } from './support/test-app.js';

const INT_MAX = 2 ** 31 - 1;
// 1 May: the big euro orders at 15:00, the small ones (euro and pound) at 10:00.
const DAY = { from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z' };
const MORNING = { from: '2026-05-01T00:00:00Z', to: '2026-05-01T12:00:00Z' };
// 5 May: sales placed by staff.
const AISLE_DAY = { from: '2026-05-05T00:00:00Z', to: '2026-05-06T00:00:00Z' };

const TOTALS = `query($from: DateTime!, $to: DateTime!) { channelReport(from: $from, to: $to) {
  channel orders cancelledOrders revenueTotal { amount currency } averageOrderValue { amount currency } } }`;
const REVENUE = `query($from: DateTime!, $to: DateTime!) { channelReport(from: $from, to: $to) { channel revenue { amount currency } } }`;
const AISLE = `query($from: DateTime!, $to: DateTime!) { endlessAisleReport(from: $from, to: $to) { location { id } orders revenueTotal { amount currency } } }`;
const AISLE_REVENUE = `query($from: DateTime!, $to: DateTime!) { endlessAisleReport(from: $from, to: $to) { location { id } revenue { amount } } }`;
const DAILY = `query($from: DateTime!, $to: DateTime!) { dailySales(from: $from, to: $to, timeZone: "UTC") { day channel orders revenueTotal { amount currency } } }`;
const DAILY_REVENUE = `query($from: DateTime!, $to: DateTime!) { dailySales(from: $from, to: $to, timeZone: "UTC") { revenue { amount } } }`;

/**
 * Report sums past a GraphQL Int (2^31 - 1 minor units, €21.47M) and in several currencies. Orders are
 * inserted in SQL: one order holds at most an integer column's worth, so three of them pass 2^31.
 */
describe('analytics: exact totals per currency', () => {
  let t: TestApp;
  let admin: string;
  let P: { id: string };
  let N: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    P = await createLocation(t, admin);
    N = await createLocation(t, admin);
    const staffP = (await createStaff(t, admin, 'ASSOCIATE', P.id)).id;
    const staffN = (await createStaff(t, admin, 'ASSOCIATE', N.id)).id;
    const order = (
      channel: string,
      currency: string,
      total: number,
      at: string,
      o: { status?: string; staff?: string; attributed?: string } = {},
    ) =>
      t.db.query(
        `INSERT INTO customer_order (idempotency_key, idempotency_scope, channel, status, currency, subtotal, discount, total, contact_email, created_at, placed_by_staff_id, attributed_location_id)
       VALUES ($1, 'analytics-test', $2, $3, $4, $5, 0, $5, 'totals@test.example', $6, $7, $8)`,
        [randomUUID(), channel, o.status ?? 'PLACED', currency, total, at, o.staff ?? null, o.attributed ?? null],
      );
    for (let i = 0; i < 3; i++) await order('WEB', 'EUR', INT_MAX, '2026-05-01T15:00:00Z');
    await order('WEB', 'EUR', 1000, '2026-05-01T15:00:00Z', { status: 'CANCELLED' });
    await order('WEB', 'GBP', 12345, '2026-05-01T10:00:00Z');
    await order('APP', 'EUR', 5000, '2026-05-01T10:00:00Z');
    await order('STORE', 'EUR', INT_MAX, '2026-05-05T10:00:00Z', { staff: staffP, attributed: P.id });
    await order('STORE', 'EUR', 2, '2026-05-05T11:00:00Z', { staff: staffP, attributed: P.id });
    await order('STORE', 'GBP', 700, '2026-05-05T12:00:00Z', { staff: staffP, attributed: P.id });
    await order('STORE', 'EUR', 300, '2026-05-05T13:00:00Z', { staff: staffN, attributed: N.id });
  });
  afterAll(() => t?.close());

  /** The errors of an answer whose revenue is too large for an Int: AMOUNT_TOO_LARGE only, pointing at revenueTotal. */
  const tooLarge = (r: GqlResult) => {
    expect(codes(r).length).toBeGreaterThan(0);
    expect(new Set(codes(r))).toEqual(new Set(['AMOUNT_TOO_LARGE'])); // never INTERNAL_SERVER_ERROR
    expect(r.errors![0].message).toMatch(/revenueTotal/);
  };

  it('channelReport: one row per channel and currency, exact past 2^31; a channel without orders once, in the default currency', async () => {
    const r = await t.gql(TOTALS, DAY, { token: admin });
    expect(r.errors).toBeUndefined();
    // Kept as a table: one row per channel and currency.
    // prettier-ignore
    expect(r.data.channelReport).toEqual([
      { channel: 'WEB', orders: 4, cancelledOrders: 1, revenueTotal: { amount: 3 * INT_MAX, currency: 'EUR' }, averageOrderValue: { amount: INT_MAX, currency: 'EUR' } },
      { channel: 'WEB', orders: 1, cancelledOrders: 0, revenueTotal: { amount: 12345, currency: 'GBP' }, averageOrderValue: { amount: 12345, currency: 'GBP' } },
      { channel: 'APP', orders: 1, cancelledOrders: 0, revenueTotal: { amount: 5000, currency: 'EUR' }, averageOrderValue: { amount: 5000, currency: 'EUR' } },
      { channel: 'STORE', orders: 0, cancelledOrders: 0, revenueTotal: { amount: 0, currency: 'EUR' }, averageOrderValue: null },
    ]);
    expect(3 * INT_MAX).toBe(6442450941); // the sum, exactly: no float rounding on the way
  });

  it('channelReport revenue: as before below 2^31, per currency; past it AMOUNT_TOO_LARGE, never an internal error', async () => {
    const morning = await t.gql(REVENUE, MORNING, { token: admin });
    expect(morning.errors).toBeUndefined();
    expect(morning.data.channelReport).toEqual([
      { channel: 'WEB', revenue: { amount: 12345, currency: 'GBP' } }, // only pounds this morning: one row, in pounds
      { channel: 'APP', revenue: { amount: 5000, currency: 'EUR' } },
      { channel: 'STORE', revenue: { amount: 0, currency: 'EUR' } },
    ]);
    tooLarge(await t.gql(REVENUE, DAY, { token: admin }));
  });

  it('endlessAisleReport: one row per store and currency, exact past 2^31; revenue past it is AMOUNT_TOO_LARGE', async () => {
    const r = await t.gql(AISLE, AISLE_DAY, { token: admin });
    expect(r.errors).toBeUndefined();
    expect(r.data.endlessAisleReport).toEqual([
      { location: { id: P.id }, orders: 2, revenueTotal: { amount: INT_MAX + 2, currency: 'EUR' } },
      { location: { id: P.id }, orders: 1, revenueTotal: { amount: 700, currency: 'GBP' } },
      { location: { id: N.id }, orders: 1, revenueTotal: { amount: 300, currency: 'EUR' } },
    ]);
    tooLarge(await t.gql(AISLE_REVENUE, AISLE_DAY, { token: admin }));
  });

  it('dailySales: one row per day, channel and currency, exact past 2^31; revenue past it is AMOUNT_TOO_LARGE', async () => {
    const r = await t.gql(DAILY, DAY, { token: admin });
    expect(r.errors).toBeUndefined();
    expect(r.data.dailySales).toEqual([
      { day: '2026-05-01', channel: 'APP', orders: 1, revenueTotal: { amount: 5000, currency: 'EUR' } },
      { day: '2026-05-01', channel: 'WEB', orders: 4, revenueTotal: { amount: 3 * INT_MAX, currency: 'EUR' } },
      { day: '2026-05-01', channel: 'WEB', orders: 1, revenueTotal: { amount: 12345, currency: 'GBP' } },
    ]);
    tooLarge(await t.gql(DAILY_REVENUE, DAY, { token: admin }));
    expect((await t.gql(DAILY_REVENUE, MORNING, { token: admin })).data.dailySales).toEqual([
      { revenue: { amount: 5000 } },
      { revenue: { amount: 12345 } },
    ]);
  });
});
