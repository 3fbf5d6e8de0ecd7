import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const WINDOW = { from: '2026-03-10T00:00:00Z', to: '2026-03-13T00:00:00Z' };
const CHANNELS = `query($from: DateTime!, $to: DateTime!) { channelReport(from: $from, to: $to) { channel orders cancelledOrders revenue { amount currency } averageOrderValue { amount } units } }`;
const CC = `query($from: DateTime!, $to: DateTime!) { clickAndCollectReport(from: $from, to: $to) { pickupOrders pickupFulfillments collected expired collectedShare expiredRate medianOrderToReadySeconds medianReadyToCollectedSeconds } }`;
const AISLE = `query($from: DateTime!, $to: DateTime!) { endlessAisleReport(from: $from, to: $to) { location { id } orders revenue { amount } } }`;
const DAILY = `query($from: DateTime!, $to: DateTime!, $timeZone: String) { dailySales(from: $from, to: $to, timeZone: $timeZone) { day channel orders revenue { amount } } }`;

/**
 * Reports on a hand-made set of orders whose right answers are written below. Orders are inserted with
 * chosen times (one at 23:30 UTC, which is the next day in Paris) so windows and days can be checked.
 */
describe('analytics: sales by channel, click and collect, endless aisle, by day', () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let associate: string;
  let P: { id: string };
  let N: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    P = await createLocation(t, admin, { timeZone: 'Europe/Paris' });
    N = await createLocation(t, admin, { timeZone: 'America/New_York', geo: { lat: 40.71, lng: -74 } });
    manager = (await createStaff(t, admin, 'MANAGER', P.id)).token;
    associate = (await createStaff(t, admin, 'ASSOCIATE', P.id)).token;
    const staffP = (await createStaff(t, admin, 'ASSOCIATE', P.id)).id;
    const staffN = (await createStaff(t, admin, 'ASSOCIATE', N.id)).id;
    const [variant] = (await createProduct(t, admin, { sizes: ['U'] })).variants;

    const order = async (o: {
      channel: string;
      total: number;
      at: string;
      status: string;
      units: number;
      staff?: string;
      attributed?: string;
      f: { type: string; status: string; source: string; pickup?: string; readyAfterH?: number; closedAfterH?: number };
    }) => {
      const [{ id }] = await t.db.query(
        `INSERT INTO customer_order (idempotency_key, idempotency_scope, channel, status, currency, subtotal, discount, total, contact_email, created_at, placed_by_staff_id, attributed_location_id)
         VALUES ($1, 'analytics-test', $2, $3, 'EUR', $4, 0, $4, 'report@test.example', $5, $6, $7) RETURNING id`,
        [randomUUID(), o.channel, o.status, o.total, o.at, o.staff ?? null, o.attributed ?? null],
      );
      const at = Date.parse(o.at);
      const ready = o.f.readyAfterH === undefined ? null : new Date(at + o.f.readyAfterH * 3600e3);
      const closed = ready && o.f.closedAfterH !== undefined ? new Date(ready.getTime() + o.f.closedAfterH * 3600e3) : null;
      const [{ id: fid }] = await t.db.query(
        `INSERT INTO fulfillment (order_id, type, status, source_location_id, pickup_location_id, pickup_code_hash, ready_at, closed_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [id, o.f.type, o.f.status, o.f.source, o.f.pickup ?? null, o.f.type === 'DELIVERY' ? null : 'hash', ready, closed, o.at],
      );
      await t.db.query(
        `INSERT INTO order_line (order_id, fulfillment_id, position, variant_id, sku, quantity, unit_price) VALUES ($1, $2, 0, $3, $4, $5, $6)`,
        [id, fid, variant.id, variant.sku, o.units, o.total / o.units],
      );
    };
    // 1. web pickup at P, ready after 1 h, collected 3 h later
    await order({
      channel: 'WEB',
      total: 10000,
      at: '2026-03-10T10:00:00Z',
      status: 'COMPLETED',
      units: 2,
      f: { type: 'PICKUP', status: 'COLLECTED', source: P.id, pickup: P.id, readyAfterH: 1, closedAfterH: 3 },
    });
    // 2. web delivery from P at 23:30 UTC: 10 March in UTC, 11 March in Paris
    await order({
      channel: 'WEB',
      total: 5000,
      at: '2026-03-10T23:30:00Z',
      status: 'PLACED',
      units: 1,
      f: { type: 'DELIVERY', status: 'ALLOCATED', source: P.id },
    });
    // 3. app pickup at P, ready after 2 h, never collected
    await order({
      channel: 'APP',
      total: 8000,
      at: '2026-03-11T08:00:00Z',
      status: 'CANCELLED',
      units: 1,
      f: { type: 'PICKUP', status: 'EXPIRED', source: P.id, pickup: P.id, readyAfterH: 2, closedAfterH: 48 },
    });
    // 4. endless aisle at P: sent from N, ready after 5 h, collected 1 h later
    await order({
      channel: 'STORE',
      total: 20000,
      at: '2026-03-11T12:00:00Z',
      status: 'COMPLETED',
      units: 2,
      staff: staffP,
      attributed: P.id,
      f: { type: 'SHIP_TO_STORE', status: 'COLLECTED', source: N.id, pickup: P.id, readyAfterH: 5, closedAfterH: 1 },
    });
    // 5. endless aisle at N, home delivery
    await order({
      channel: 'STORE',
      total: 3000,
      at: '2026-03-12T09:00:00Z',
      status: 'PLACED',
      units: 1,
      staff: staffN,
      attributed: N.id,
      f: { type: 'DELIVERY', status: 'ALLOCATED', source: N.id },
    });
    // 6. before the window
    await order({
      channel: 'WEB',
      total: 7000,
      at: '2026-03-09T12:00:00Z',
      status: 'PLACED',
      units: 1,
      f: { type: 'DELIVERY', status: 'ALLOCATED', source: P.id },
    });
    // 7. app delivery from N, cancelled
    await order({
      channel: 'APP',
      total: 4000,
      at: '2026-03-11T09:00:00Z',
      status: 'CANCELLED',
      units: 1,
      f: { type: 'DELIVERY', status: 'CANCELLED', source: N.id },
    });
  });
  afterAll(() => t?.close());

  it('admins: every store, per channel; cancelled orders count as orders but not as revenue', async () => {
    const rows = (await t.gql(CHANNELS, WINDOW, { token: admin })).data.channelReport;
    expect(rows).toEqual([
      {
        channel: 'WEB',
        orders: 2,
        cancelledOrders: 0,
        revenue: { amount: 15000, currency: 'EUR' },
        averageOrderValue: { amount: 7500 },
        units: 3,
      },
      { channel: 'APP', orders: 2, cancelledOrders: 2, revenue: { amount: 0, currency: 'EUR' }, averageOrderValue: null, units: 0 },
      {
        channel: 'STORE',
        orders: 2,
        cancelledOrders: 0,
        revenue: { amount: 23000, currency: 'EUR' },
        averageOrderValue: { amount: 11500 },
        units: 3,
      },
    ]);
  });

  it('managers: orders sold, shipped or collected at their store only', async () => {
    const rows = (await t.gql(CHANNELS, WINDOW, { token: manager })).data.channelReport;
    expect(
      rows.map((r: { channel: string; orders: number; cancelledOrders: number; revenue: { amount: number }; units: number }) => [
        r.channel,
        r.orders,
        r.cancelledOrders,
        r.revenue.amount,
        r.units,
      ]),
    ).toEqual([
      ['WEB', 2, 0, 15000, 3],
      ['APP', 1, 1, 0, 0],
      ['STORE', 1, 0, 20000, 2],
    ]);
    const aisle = (await t.gql(AISLE, WINDOW, { token: manager })).data.endlessAisleReport;
    expect(aisle).toEqual([{ location: { id: P.id }, orders: 1, revenue: { amount: 20000 } }]);
  });

  it('click and collect: share collected, no-shows and median times', async () => {
    const r = (await t.gql(CC, WINDOW, { token: admin })).data.clickAndCollectReport;
    expect(r).toEqual({
      pickupOrders: 3,
      pickupFulfillments: 3,
      collected: 2,
      expired: 1,
      collectedShare: 0.6667,
      expiredRate: 0.3333,
      medianOrderToReadySeconds: 7200, // 1 h, 2 h, 5 h
      medianReadyToCollectedSeconds: 7200, // 3 h and 1 h
    });
  });

  it('endless aisle sales by store, best first', async () => {
    const rows = (await t.gql(AISLE, WINDOW, { token: admin })).data.endlessAisleReport;
    expect(rows).toEqual([
      { location: { id: P.id }, orders: 1, revenue: { amount: 20000 } },
      { location: { id: N.id }, orders: 1, revenue: { amount: 3000 } },
    ]);
  });

  it('days are cut in the time zone asked for (the 23:30 UTC order is the next day in Paris)', async () => {
    const utc = (await t.gql(DAILY, { ...WINDOW, timeZone: 'UTC' }, { token: admin })).data.dailySales;
    expect(
      utc.map((r: { day: string; channel: string; orders: number; revenue: { amount: number } }) => [
        r.day,
        r.channel,
        r.orders,
        r.revenue.amount,
      ]),
    ).toEqual([
      ['2026-03-10', 'WEB', 2, 15000],
      ['2026-03-11', 'APP', 2, 0],
      ['2026-03-11', 'STORE', 1, 20000],
      ['2026-03-12', 'STORE', 1, 3000],
    ]);
    const paris = (await t.gql(DAILY, { ...WINDOW, timeZone: 'Europe/Paris' }, { token: admin })).data.dailySales;
    expect(
      paris.map((r: { day: string; channel: string; orders: number; revenue: { amount: number } }) => [
        r.day,
        r.channel,
        r.orders,
        r.revenue.amount,
      ]),
    ).toEqual([
      ['2026-03-10', 'WEB', 1, 10000],
      ['2026-03-11', 'APP', 2, 0],
      ['2026-03-11', 'STORE', 1, 20000],
      ['2026-03-11', 'WEB', 1, 5000],
      ['2026-03-12', 'STORE', 1, 3000],
    ]);
    const mine = (await t.gql(DAILY, WINDOW, { token: manager })).data.dailySales; // the manager's store's zone by default
    expect(mine.map((r: { day: string }) => r.day)).toEqual(['2026-03-10', '2026-03-11', '2026-03-11', '2026-03-11']);
  });

  it('a window is an instant range: from inclusive, to exclusive', async () => {
    const r = (await t.gql(CHANNELS, { from: '2026-03-10T10:00:00Z', to: '2026-03-10T23:30:00Z' }, { token: admin })).data.channelReport;
    expect(r.find((x: { channel: string }) => x.channel === 'WEB').orders).toBe(1);
    const offset = (await t.gql(CHANNELS, { from: '2026-03-10T11:00:00+01:00', to: '2026-03-11T00:30:00+01:00' }, { token: admin })).data
      .channelReport;
    expect(offset.find((x: { channel: string }) => x.channel === 'WEB').orders).toBe(1);
  });

  it('refuses associates, customers, reversed windows and unknown time zones', async () => {
    expect(codes(await t.gql(CHANNELS, WINDOW, { token: associate }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(CHANNELS, WINDOW))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(CHANNELS, { from: WINDOW.to, to: WINDOW.from }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CHANNELS, { from: 'yesterday', to: WINDOW.to }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(DAILY, { ...WINDOW, timeZone: 'Mars/Olympus' }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
  });
});
