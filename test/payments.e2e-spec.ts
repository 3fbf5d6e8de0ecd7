import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ExpirySweep } from '@app/orders';
import { PaymentsService } from '@app/payments';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, delivery, guestCart, O, pickup } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const MONEY = 'amount currency';
const PAID = `paymentStatus payments { method status authorized { ${MONEY} } captured { ${MONEY} } refunded { ${MONEY} } }`;
const ORDER = `id number status total { ${MONEY} } ${PAID}
  fulfillments { id type status pickupCode amountDue { ${MONEY} } }`;
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { ${ORDER} } userErrors { code field message } } }`;
const READ = `query($id: ID!) { order(id: $id) { ${ORDER} } }`;
const CANCEL = `mutation($id: ID!) { orderCancel(id: $id) { order { id status ${PAID} } userErrors { code } } }`;
const card = (token = 'tok_sandbox_ok') => ({ method: 'CARD', token });

describe('payments', () => {
  let t: TestApp;
  let admin: string;
  let staffA: string;
  let staffW: string;
  let A: { id: string };
  let W: { id: string };
  let v: { id: string; sku: string }[];

  const level = async (locationId: string, sku: string) => (await t.gql(O.level, { locationId, sku }, { token: admin })).data.stockLevel;
  const input = (cartId: string, key = randomUUID(), payment?: unknown) => ({
    input: {
      cartId,
      idempotencyKey: key,
      contact: { email: 'pay@test.example' },
      shippingAddress: ADDRESS,
      ...(payment ? { payment } : {}),
    },
  });
  async function cartWith(lines: unknown[]): Promise<string> {
    const c = await guestCart(t);
    await addLines(t, c.id, lines);
    return c.id;
  }
  async function placed(lines: unknown[], payment?: unknown) {
    const r = await t.gql(CHECKOUT, input(await cartWith(lines), randomUUID(), payment));
    expect(r.data.checkout.userErrors).toEqual([]);
    return r.data.checkout.order;
  }
  const move = (q: string, id: string, token: string, extra: Record<string, unknown> = {}) => t.gql(q, { id, ...extra }, { token });
  const rows = (sql: string, params: unknown[]) => t.db.query(sql, params);

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    A = await createLocation(t, admin);
    W = await createLocation(t, admin, { type: 'WAREHOUSE', pickupHold: undefined });
    staffA = (await createStaff(t, admin, 'ASSOCIATE', A.id)).token;
    staffW = (await createStaff(t, admin, 'ASSOCIATE', W.id)).token;
    v = (await createProduct(t, admin, { sizes: ['S', 'M', 'L'], price: 5000 })).variants;
    await adjust(t, admin, A.id, v[0].sku, 20);
    await adjust(t, admin, W.id, v[1].sku, 20);
  });
  afterAll(() => t?.close());

  it('a declined card or a provider that is down changes nothing: no order, nothing held, the cart as it was', async () => {
    const before = await level(A.id, v[0].sku);
    const cartId = await cartWith([pickup(v[0].id, A.id)]);
    for (const [token, code] of [
      ['tok_sandbox_declined', 'PAYMENT_DECLINED'],
      ['tok_sandbox_unavailable', 'PAYMENT_UNAVAILABLE'],
      ['tok_unknown', 'PAYMENT_DECLINED'],
    ]) {
      const r = await t.gql(CHECKOUT, input(cartId, randomUUID(), card(token)));
      expect(r.data.checkout).toMatchObject({ order: null, userErrors: [{ code }] });
    }
    expect(await level(A.id, v[0].sku)).toEqual(before);
    expect((await t.gql(`query($id: ID!) { cart(id: $id) { status lines { quantity } } }`, { id: cartId })).data.cart).toEqual({
      status: 'ACTIVE',
      lines: [{ quantity: 1 }],
    });
    const [{ n }] = await rows(`SELECT count(*)::int AS n FROM payment WHERE idempotency_key LIKE $1 AND state IN ('DECLINED', 'FAILED')`, [
      `checkout:%`,
    ]);
    expect(n).toBeGreaterThanOrEqual(3);
    const [{ captured }] = await rows(`SELECT count(*)::int AS captured FROM payment WHERE order_id IS NOT NULL`, []);
    expect(captured).toBe(0);
  });

  it('parallel retries of one checkout authorise once and place one order', async () => {
    const cartId = await cartWith([pickup(v[0].id, A.id)]);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.gql(CHECKOUT, input(cartId, key, card()))));
    const ids = new Set(answers.map((a) => a.data?.checkout.order?.id));
    expect(answers.map((a) => a.data?.checkout.userErrors)).toEqual(Array(5).fill([]));
    expect(ids.size).toBe(1);
    const [order] = [...ids];
    const payments = await rows(`SELECT state, authorized, order_id FROM payment WHERE idempotency_key LIKE $1`, [`%:${key}:%`]);
    expect(payments).toEqual([{ state: 'OPEN', authorized: 5000, order_id: order }]);
    const [{ n }] = await rows(
      `SELECT count(*)::int AS n FROM payment_transaction x JOIN payment p ON p.id = x.payment_id WHERE p.order_id = $1 AND x.kind = 'AUTHORIZE'`,
      [order],
    );
    expect(n).toBe(1);
  });

  it('captures each fulfilment when it is handed over or shipped: partly paid, then paid', async () => {
    const o = await placed([pickup(v[0].id, A.id), delivery(v[1].id)], card());
    expect(o.paymentStatus).toBe('AUTHORIZED');
    expect(o.payments).toEqual([
      {
        method: 'CARD',
        status: 'AUTHORIZED',
        authorized: { amount: 10000, currency: 'EUR' },
        captured: { amount: 0, currency: 'EUR' },
        refunded: { amount: 0, currency: 'EUR' },
      },
    ]);
    const p = o.fulfillments.find((f: { type: string }) => f.type === 'PICKUP');
    const d = o.fulfillments.find((f: { type: string }) => f.type === 'DELIVERY');
    expect(p.amountDue.amount).toBe(0); // a card pays, not the counter
    await move(O.markReady, p.id, staffA);
    expect((await move(O.collect, p.id, staffA, { code: p.pickupCode })).data.fulfillmentCollect.userErrors).toEqual([]);
    let now = (await t.gql(READ, { id: o.id }, { token: admin })).data.order;
    expect([now.paymentStatus, now.payments[0].captured.amount]).toEqual(['PARTIALLY_PAID', 5000]);
    expect((await move(O.ship, d.id, staffW)).data.fulfillmentShip.userErrors).toEqual([]);
    now = (await t.gql(READ, { id: o.id }, { token: admin })).data.order;
    expect([now.paymentStatus, now.payments[0].captured.amount]).toEqual(['PAID', 10000]);
    const moves = await rows(
      `SELECT x.kind, x.amount, x.outcome FROM payment_transaction x JOIN payment p ON p.id = x.payment_id WHERE p.order_id = $1 ORDER BY x.created_at`,
      [o.id],
    );
    expect(moves).toEqual([
      { kind: 'AUTHORIZE', amount: 10000, outcome: 'SUCCEEDED' },
      { kind: 'CAPTURE', amount: 5000, outcome: 'SUCCEEDED' },
      { kind: 'CAPTURE', amount: 5000, outcome: 'SUCCEEDED' },
    ]);
  });

  it('two fulfilments collected at the same moment capture each its share once, adding up to the total', async () => {
    const o = await placed([pickup(v[0].id, A.id), pickup(v[1].id, A.id)], card()); // v[1] comes from the warehouse
    const here = o.fulfillments.find((f: { type: string }) => f.type === 'PICKUP');
    const sent = o.fulfillments.find((f: { type: string }) => f.type === 'SHIP_TO_STORE');
    await move(O.markReady, here.id, staffA);
    await move(O.ship, sent.id, staffW); // nothing captured yet: a transfer is paid when collected
    expect((await t.gql(READ, { id: o.id }, { token: admin })).data.order.paymentStatus).toBe('AUTHORIZED');
    await move(O.receive, sent.id, staffA);
    const answers = await Promise.all([here, sent].map((f) => move(O.collect, f.id, staffA, { code: f.pickupCode })));
    expect(answers.map((a) => a.data.fulfillmentCollect.userErrors)).toEqual([[], []]);
    const now = (await t.gql(READ, { id: o.id }, { token: admin })).data.order;
    expect([now.paymentStatus, now.payments[0].captured.amount]).toEqual(['PAID', o.total.amount]);
    const captures = await rows(
      `SELECT x.amount FROM payment_transaction x JOIN payment p ON p.id = x.payment_id WHERE p.order_id = $1 AND x.kind = 'CAPTURE'`,
      [o.id],
    );
    expect(captures.map((c: { amount: number }) => c.amount).sort()).toEqual([5000, 5000]);
  });

  it('voids the card when the order is cancelled, and when the sweep expires a pickup', async () => {
    const cancelled = await placed([pickup(v[0].id, A.id)], card());
    const c = (await t.gql(CANCEL, { id: cancelled.id }, { token: admin })).data.orderCancel.order;
    expect([c.paymentStatus, c.payments[0].captured.amount]).toEqual(['VOIDED', 0]);
    const expiring = await placed([pickup(v[0].id, A.id)], card());
    await move(O.markReady, expiring.fulfillments[0].id, staffA);
    await t.db.query(`UPDATE fulfillment SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.fulfillments[0].id]);
    expect(await t.app.get(ExpirySweep).run()).toBe(1);
    const e = (await t.gql(READ, { id: expiring.id }, { token: admin })).data.order;
    expect([e.status, e.paymentStatus]).toEqual(['CANCELLED', 'VOIDED']);
    const voids = await rows(
      `SELECT x.kind, x.amount FROM payment_transaction x JOIN payment p ON p.id = x.payment_id
       WHERE p.order_id = ANY($1::uuid[]) AND x.kind IN ('RELEASE', 'VOID') AND x.outcome = 'SUCCEEDED' ORDER BY x.kind`,
      [[cancelled.id, expiring.id]],
    );
    expect(voids).toEqual([
      { kind: 'RELEASE', amount: 5000 },
      { kind: 'RELEASE', amount: 5000 },
      { kind: 'VOID', amount: 5000 },
      { kind: 'VOID', amount: 5000 },
    ]);
  });

  it('an order that cannot be placed (out of stock) releases the authorisation before answering', async () => {
    const cartId = await cartWith([pickup(v[2].id, A.id)]); // no stock of L anywhere
    const key = randomUUID();
    const r = await t.gql(CHECKOUT, input(cartId, key, card()));
    expect(r.data.checkout.userErrors.map((e: { code: string }) => e.code)).toEqual(['OUT_OF_STOCK']);
    expect(await rows(`SELECT state, released, order_id FROM payment WHERE idempotency_key LIKE $1`, [`%:${key}:%`])).toEqual([
      { state: 'VOIDED', released: 5000, order_id: null },
    ]);
  });

  it('the repair job voids an authorisation no order took (a crash between the two), once', async () => {
    const payments = t.app.get(PaymentsService);
    const orphan = await payments.authorize({
      key: `test:${randomUUID()}`,
      amount: 1234,
      currency: 'EUR',
      token: 'tok_sandbox_ok',
      description: 'crash',
    });
    expect(await payments.repair()).toBe(0); // too young: a checkout may still be placing it
    await t.db.query(`UPDATE payment SET created_at = now() - interval '1 hour' WHERE id = $1`, [orphan.id]);
    const runs = await Promise.all([payments.repair(), payments.repair()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await rows(`SELECT state, released FROM payment WHERE id = $1`, [orphan.id])).toEqual([{ state: 'VOIDED', released: 1234 }]);
  });

  it('pays at the counter only when every line is collected in a store, and records it on collection', async () => {
    const o = await placed([pickup(v[0].id, A.id, 2)], { method: 'PAY_AT_PICKUP' });
    expect([o.paymentStatus, o.fulfillments[0].amountDue.amount]).toEqual(['PENDING', 10000]);
    await move(O.markReady, o.fulfillments[0].id, staffA);
    await move(O.collect, o.fulfillments[0].id, staffA, { code: o.fulfillments[0].pickupCode });
    const after = (await t.gql(READ, { id: o.id }, { token: admin })).data.order;
    expect([after.paymentStatus, after.payments[0].captured.amount, after.fulfillments[0].amountDue.amount]).toEqual(['PAID', 10000, 0]);
    const refused = await t.gql(CHECKOUT, input(await cartWith([delivery(v[1].id)]), randomUUID(), { method: 'PAY_AT_PICKUP' }));
    expect(refused.data.checkout.userErrors.map((e: { code: string }) => e.code)).toEqual(['PAYMENT_METHOD_NOT_ALLOWED']);
    expect(codes(await t.gql(CHECKOUT, input(await cartWith([delivery(v[1].id)]), randomUUID(), { method: 'CARD' })))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('an order without payment is PENDING, as in version 1', async () => {
    const o = await placed([pickup(v[0].id, A.id)]);
    expect([o.paymentStatus, o.payments]).toEqual(['PENDING', []]);
  });

  it('never lets captured and released pass what is due (the table refuses it)', async () => {
    const o = await placed([pickup(v[0].id, A.id)], card());
    await expect(t.db.query(`UPDATE payment SET captured = due + 1 WHERE order_id = $1`, [o.id])).rejects.toThrow(/CHK_payment_amounts/);
  });
});

describe('payments: settings', () => {
  it('refuses an order whose total changed while the card was being authorised, and releases the card', async () => {
    const t = await startTestApp({ BACKGROUND_JOBS: 'false', PAYMENT_SANDBOX_LATENCY_MS: '400' });
    try {
      const admin = await adminToken(t);
      const store = await createLocation(t, admin);
      const [variant] = (await createProduct(t, admin, { sizes: ['M'], price: 5000 })).variants;
      await adjust(t, admin, store.id, variant.sku, 2);
      const c = await guestCart(t);
      await addLines(t, c.id, [pickup(variant.id, store.id)]);
      const key = randomUUID();
      const paying = t.gql(CHECKOUT, {
        input: { cartId: c.id, idempotencyKey: key, contact: { email: 'x@test.example' }, payment: card() },
      });
      await new Promise((r) => setTimeout(r, 150)); // the provider is still answering
      const priced = `mutation($i: VariantUpdateInput!) { variantUpdate(input: $i) { userErrors { code } } }`;
      await t.gql(priced, { i: { sku: variant.sku, price: { amount: 5500, currency: 'EUR' } } }, { token: admin });
      const r = await paying;
      expect(r.data.checkout.userErrors.map((e: { code: string }) => e.code)).toEqual(['PRICE_CHANGED']);
      expect(
        await t.db.query(`SELECT state, authorized, released, order_id FROM payment WHERE idempotency_key LIKE $1`, [`%:${key}:%`]),
      ).toEqual([{ state: 'VOIDED', authorized: 5000, released: 5000, order_id: null }]);
      // Retries of one checkout that cannot be placed, in parallel with a slow provider: each gets the business
      // refusal (never a 500), and the one authorisation is released once.
      const empty = await guestCart(t);
      const [other] = (await createProduct(t, admin, { sizes: ['S'], price: 3000 })).variants; // no stock anywhere
      await addLines(t, empty.id, [pickup(other.id, store.id)]);
      const again = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 4 }, () =>
          t.gql(CHECKOUT, { input: { cartId: empty.id, idempotencyKey: again, contact: { email: 'x@test.example' }, payment: card() } }),
        ),
      );
      expect(answers.map((a) => a.data?.checkout.userErrors.map((e: { code: string }) => e.code))).toEqual(Array(4).fill(['OUT_OF_STOCK']));
      const [p] = await t.db.query(`SELECT id, state FROM payment WHERE idempotency_key LIKE $1`, [`%:${again}:%`]);
      expect(p.state).toBe('VOIDED');
      // Each attempt that authorised was released: as many voids as authorisations, each under its own key.
      const [moved] = await t.db.query(
        `SELECT count(*) FILTER (WHERE kind = 'AUTHORIZE')::int AS authorized, count(*) FILTER (WHERE kind = 'VOID')::int AS voided,
           count(DISTINCT idempotency_key) FILTER (WHERE kind = 'VOID')::int AS keys
         FROM payment_transaction WHERE payment_id = $1 AND outcome = 'SUCCEEDED'`,
        [p.id],
      );
      expect(moved.voided).toBe(moved.authorized);
      expect(moved.keys).toBe(moved.voided);
      expect(moved.authorized).toBeGreaterThanOrEqual(1);
    } finally {
      await t.close();
    }
  });

  it('refuses checkouts without payment when CHECKOUT_PAYMENT_REQUIRED is on', async () => {
    const t = await startTestApp({ BACKGROUND_JOBS: 'false', CHECKOUT_PAYMENT_REQUIRED: 'true' });
    try {
      const admin = await adminToken(t);
      const store = await createLocation(t, admin);
      const [variant] = (await createProduct(t, admin, { sizes: ['M'] })).variants;
      await adjust(t, admin, store.id, variant.sku, 2);
      const c = await guestCart(t);
      await addLines(t, c.id, [pickup(variant.id, store.id)]);
      const r = await t.gql(CHECKOUT, { input: { cartId: c.id, idempotencyKey: randomUUID(), contact: { email: 'x@test.example' } } });
      expect(r.data.checkout.userErrors.map((e: { code: string }) => e.code)).toEqual(['PAYMENT_REQUIRED']);
    } finally {
      await t.close();
    }
  });
});
