import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, guestCart, O, pickup } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const INT_MAX = 2 ** 31 - 1;
const PRICE = 5000;
const MONEY = 'amount currency';
const REPORT = `query($from: DateTime!, $to: DateTime!) { channelReport(from: $from, to: $to) {
  channel orders cancelledOrders revenue { ${MONEY} } captured { ${MONEY} } refunded { ${MONEY} }
  capturedTotal { ${MONEY} } refundedTotal { ${MONEY} } } }`;
const CAPTURED = `query($from: DateTime!, $to: DateTime!) { channelReport(from: $from, to: $to) { channel captured { amount } } }`;
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) {
  order { id channel total { amount } fulfillments { id pickupCode } } userErrors { code field message } } }`;
const card = { method: 'CARD', token: 'tok_sandbox_ok' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * The channel report's money (issue "Payments"): revenue is still the value of the orders placed in the
 * window; `captured` and `refunded` are the money that moved in the window, by the channel of its order.
 * Orders are placed and collected through the API (sandbox card, pay at pickup); refunds have no API yet,
 * so they are written in SQL, as the payments domain will write them.
 */
describe('analytics: money captured and refunded per channel', () => {
  let t: TestApp;
  let admin: string;
  let staffA: string;
  let managerA: string;
  let managerB: string;
  let A: { id: string };
  let variant: { id: string; sku: string };
  let now: { from: string; to: string };
  let earlier: { from: string; to: string };
  const ids: Record<string, string> = {};

  async function place(channel: 'WEB' | 'APP', quantity: number, payment: unknown) {
    const cart = await guestCart(t, channel);
    await addLines(t, cart.id, [pickup(variant.id, A.id, quantity)], { channel });
    const input = {
      cartId: cart.id,
      idempotencyKey: randomUUID(),
      contact: { email: 'money@test.example' },
      shippingAddress: ADDRESS,
      payment,
    };
    const r = await t.gql(CHECKOUT, { input }, { channel });
    expect(r.data.checkout.userErrors).toEqual([]);
    expect(r.data.checkout.order).toMatchObject({ channel, total: { amount: quantity * PRICE } });
    return r.data.checkout.order as { id: string; fulfillments: { id: string; pickupCode: string }[] };
  }
  async function collect(o: { fulfillments: { id: string; pickupCode: string }[] }) {
    const [f] = o.fulfillments;
    expect((await t.gql(O.markReady, { id: f.id }, { token: staffA })).data.fulfillmentMarkReady.userErrors).toEqual([]);
    const r = await t.gql(O.collect, { id: f.id, code: f.pickupCode }, { token: staffA });
    expect(r.data.fulfillmentCollect.userErrors).toEqual([]);
  }
  const paymentOf = async (orderId: string): Promise<string> =>
    (await t.db.query(`SELECT id FROM payment WHERE order_id = $1`, [orderId]))[0].id;
  /** A movement written as the payments domain writes it (refunds have no API yet). */
  async function movement(orderId: string, kind: string, amount: number, outcome: string, at: Date | null = null) {
    const paymentId = await paymentOf(orderId);
    await t.db.query(
      `INSERT INTO payment_transaction (payment_id, kind, amount, outcome, idempotency_key, created_at) VALUES ($1, $2, $3, $4, $5, COALESCE($6, now()))`,
      [paymentId, kind, amount, outcome, `test-${randomUUID()}`, at],
    );
    if (kind === 'REFUND' && outcome === 'SUCCEEDED')
      await t.db.query(`UPDATE payment SET refunded = refunded + $2 WHERE id = $1`, [paymentId, amount]);
  }
  const report = async (window: { from: string; to: string }, token = admin) => {
    const r = await t.gql(REPORT, window, { token });
    expect(r.errors).toBeUndefined();
    return r.data.channelReport;
  };

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    A = await createLocation(t, admin);
    const B = await createLocation(t, admin);
    staffA = (await createStaff(t, admin, 'ASSOCIATE', A.id)).token;
    managerA = (await createStaff(t, admin, 'MANAGER', A.id)).token;
    managerB = (await createStaff(t, admin, 'MANAGER', B.id)).token;
    [variant] = (await createProduct(t, admin, { sizes: ['M'], price: PRICE })).variants;
    await adjust(t, admin, A.id, variant.sku, 50);
    const start = Date.now();
    now = { from: new Date(start - 60e3).toISOString(), to: new Date(start + 3600e3).toISOString() };
    earlier = { from: new Date(start - 2 * 86400e3).toISOString(), to: new Date(start - 86400e3).toISOString() };

    // WEB: a card collected (5000), a card never collected (10000), a card collected whose capture is moved to yesterday (5000).
    const webCollected = await place('WEB', 1, card);
    await collect(webCollected);
    const webWaiting = await place('WEB', 2, card);
    const webYesterday = await place('WEB', 1, card);
    await collect(webYesterday);
    await t.db.query(
      `UPDATE payment_transaction SET created_at = $2 WHERE kind = 'CAPTURE' AND payment_id = (SELECT id FROM payment WHERE order_id = $1)`,
      [webYesterday.id, new Date(start - 36 * 3600e3)],
    );
    // APP: a card collected (5000), paid at the counter on collection (15000).
    const appCard = await place('APP', 1, card);
    await collect(appCard);
    const appCounter = await place('APP', 3, { method: 'PAY_AT_PICKUP' });
    await collect(appCounter);
    Object.assign(ids, { webCollected: webCollected.id, webWaiting: webWaiting.id, appCard: appCard.id, appCounter: appCounter.id });
  });
  afterAll(() => t?.close());

  it('captured per channel is what was collected; revenue is still the orders placed; an uncollected order counts nothing taken', async () => {
    expect(await report(now)).toEqual([
      {
        channel: 'WEB',
        orders: 3,
        cancelledOrders: 0,
        revenue: eur(4 * PRICE), // the three orders placed, collected or not
        captured: eur(PRICE), // the one collected today; the waiting one holds an authorisation, nothing taken
        refunded: eur(0),
        capturedTotal: eur(PRICE),
        refundedTotal: eur(0),
      },
      {
        channel: 'APP',
        orders: 2,
        cancelledOrders: 0,
        revenue: eur(4 * PRICE),
        captured: eur(4 * PRICE), // the card (5000) and the counter (15000)
        refunded: eur(0),
        capturedTotal: eur(4 * PRICE),
        refundedTotal: eur(0),
      },
      {
        channel: 'STORE',
        orders: 0,
        cancelledOrders: 0,
        revenue: eur(0),
        captured: eur(0),
        refunded: eur(0),
        capturedTotal: eur(0),
        refundedTotal: eur(0),
      },
    ]);
  });

  it('money counts when it moved: a capture outside the window is not counted, and counts in its own window without orders', async () => {
    const rows = await report(earlier);
    expect(
      rows.map((r: { channel: string; orders: number; revenue: unknown; captured: unknown }) => [
        r.channel,
        r.orders,
        r.revenue,
        r.captured,
      ]),
    ).toEqual([
      ['WEB', 0, eur(0), eur(PRICE)], // the order was placed today, its capture is dated yesterday
      ['APP', 0, eur(0), eur(0)],
      ['STORE', 0, eur(0), eur(0)],
    ]);
  });

  it('refunded: succeeded refunds in the window, by the channel of their order; failed ones and those outside the window are not', async () => {
    await movement(ids.webCollected, 'REFUND', 2000, 'SUCCEEDED');
    await movement(ids.webCollected, 'REFUND', 500, 'FAILED');
    await movement(ids.appCounter, 'REFUND', 1000, 'SUCCEEDED', new Date(Date.parse(now.to) + 3600e3));
    await movement(ids.appCard, 'CAPTURE', 700, 'DECLINED'); // an attempt the provider refused takes nothing
    const rows = await report(now);
    const money = rows.map((r: { channel: string; revenue: unknown; captured: unknown; refunded: unknown; refundedTotal: unknown }) => [
      r.channel,
      r.revenue,
      r.captured,
      r.refunded,
      r.refundedTotal,
    ]);
    expect(money).toEqual([
      ['WEB', eur(4 * PRICE), eur(PRICE), eur(2000), eur(2000)], // revenue is not net of refunds
      ['APP', eur(4 * PRICE), eur(4 * PRICE), eur(0), eur(0)],
      ['STORE', eur(0), eur(0), eur(0), eur(0)],
    ]);
    const [{ refunded }] = await t.db.query(`SELECT refunded FROM payment WHERE order_id = $1`, [ids.webCollected]);
    expect(refunded).toBe(2000);
  });

  it('managers: the money of their store’s orders only', async () => {
    const mine = await report(now, managerA);
    expect(mine.map((r: { captured: { amount: number } }) => r.captured.amount)).toEqual([PRICE, 4 * PRICE, 0]);
    const other = await report(now, managerB);
    expect(other.map((r: { orders: number; captured: { amount: number } }) => [r.orders, r.captured.amount])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('sums are exact past 2^31: capturedTotal holds them, captured fails with AMOUNT_TOO_LARGE', async () => {
    const at = new Date(Date.parse(earlier.from) - 86400e3); // a day of its own
    const window = { from: new Date(at.getTime() - 3600e3).toISOString(), to: new Date(at.getTime() + 3600e3).toISOString() };
    for (let i = 0; i < 2; i++) {
      const [{ id }] = await t.db.query(
        `INSERT INTO customer_order (idempotency_key, idempotency_scope, channel, status, currency, subtotal, discount, total, contact_email, created_at)
         VALUES ($1, 'analytics-test', 'WEB', 'COMPLETED', 'EUR', $2, 0, $2, 'big@test.example', $3) RETURNING id`,
        [randomUUID(), INT_MAX, at],
      );
      await t.db.query(
        `INSERT INTO payment (order_id, method, idempotency_key, state, currency, due, captured) VALUES ($1, 'PAY_AT_PICKUP', $2, 'CLOSED', 'EUR', $3, $3)`,
        [id, `counter:${id}`, INT_MAX],
      );
      await movement(id, 'COUNTER', INT_MAX, 'SUCCEEDED', at);
    }
    const totals = await t.gql(
      `query($from: DateTime!, $to: DateTime!) { channelReport(from: $from, to: $to) { channel revenueTotal { amount } capturedTotal { ${MONEY} } } }`,
      window,
      { token: admin },
    );
    expect(totals.errors).toBeUndefined();
    expect(totals.data.channelReport[0]).toEqual({
      channel: 'WEB',
      revenueTotal: { amount: 2 * INT_MAX },
      capturedTotal: eur(2 * INT_MAX),
    });
    const plain = await t.gql(CAPTURED, window, { token: admin });
    expect(new Set(codes(plain))).toEqual(new Set(['AMOUNT_TOO_LARGE']));
    expect(plain.errors![0].message).toMatch(/capturedTotal/);
  });
});
