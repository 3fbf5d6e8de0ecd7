import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PaymentsService } from '@app/payments';
import { moveClock } from './support/clock.js';
import { FAKE_CARDS, FakeStripe } from './support/fake-stripe.js';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, guestCart, O, pickup, registerShopper, type Shopper, unbalancedLevels } from './support/shoppers.js';
import { type AnyJson, codes, startTestApp, type TestApp } from './support/test-app.js';

const E = 'userErrors { code field message }';
const RETURN = `id number status refund { amount currency } refundMethod refundSettled location { id }
  lines { quantity reason disposition exchanged refund { amount } variant { id } }
  exchangeOrder { id channel status total { amount } fulfillments { type status sourceLocation { id } } }`;
const R = {
  request: `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { return { ${RETURN} } ${E} } }`,
  receive: `mutation($input: ReturnReceiveInput!) { returnReceive(input: $input) { return { ${RETURN} } ${E} } }`,
  create: `mutation($input: ReturnCreateInput!) { returnCreate(input: $input) { return { ${RETURN} } ${E} } }`,
  byNumber: `query($number: String!) { returnByNumber(number: $number) { id status } }`,
  order: `query($id: ID!) { order(id: $id) { id paymentStatus total { amount } payments { refunded { amount } } returns { id number status } } }`,
  report: `query($from: DateTime!, $to: DateTime!) { channelReport(from: $from, to: $to) { channel returns returnedUnits refunded { amount } } }`,
  byStore: `query($from: DateTime!, $to: DateTime!) { returnsReport(from: $from, to: $to) { location { id } returns units refundedTotal { amount } } }`,
  level: `query($locationId: ID!, $sku: String!) { stockLevel(locationId: $locationId, sku: $sku) { onHand reserved unsellable available } }`,
};
const COLLECT = `mutation($id: ID!, $code: String!) { fulfillmentCollect(id: $id, pickupCode: $code) { fulfillment { status } ${E} } }`;

/** Orders in each test: placed, prepared and collected at a store (the handover a return starts from). */
function returnsSuite(name: string, env: () => Promise<Record<string, string>>, extra?: (ctx: { t: () => TestApp }) => void) {
  describe(name, () => {
    let t: TestApp;
    let admin: string;
    let A: { id: string };
    let B: { id: string };
    let W: { id: string };
    let staffA: string;
    let staffB: string;
    let shopper: Shopper;

    beforeAll(async () => {
      t = await startTestApp({ BACKGROUND_JOBS: 'false', ...(await env()) });
      admin = await adminToken(t);
      A = await createLocation(t, admin, { pickupEnabled: true });
      B = await createLocation(t, admin, { geo: { lat: 48.87, lng: 2.36 }, pickupEnabled: true });
      W = await createLocation(t, admin, { type: 'WAREHOUSE', geo: { lat: 48.95, lng: 2.5 } });
      staffA = (await createStaff(t, admin, 'ASSOCIATE', A.id)).token;
      staffB = (await createStaff(t, admin, 'ASSOCIATE', B.id)).token;
      shopper = await registerShopper(t);
      // An endpoint that hears returns, so RETURN_RECEIVED events are written (delivery is not these tests' business).
      await t.gql(
        `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { ${E} } }`,
        { input: { url: 'http://127.0.0.1:9/hook', events: ['RETURN_RECEIVED'] } },
        { token: admin },
      );
    });
    afterAll(() => t?.close());

    const ok = (r: AnyJson, field: string) => {
      expect(r.errors).toBeUndefined();
      expect(r.data[field].userErrors).toEqual([]);
      return r.data[field];
    };
    const refusal = (r: AnyJson, field: string) => {
      expect(r.errors).toBeUndefined();
      return r.data[field].userErrors.map((e: { code: string }) => e.code);
    };
    const level = async (loc: { id: string }, sku: string) =>
      (await t.gql(R.level, { locationId: loc.id, sku }, { token: admin })).data.stockLevel;

    /** A collected order of the shopper's: `lines` picked up at A, paid by `payment`. */
    async function collected(lines: unknown[], payment: unknown = { method: 'CARD', token: 'tok_sandbox_ok' }, code?: string) {
      const me = (await t.gql(`query { me { cart { id } } }`, {}, { token: shopper.token })).data.me.cart;
      await addLines(t, me.id, lines, { token: shopper.token });
      if (code)
        await t.gql(
          `mutation($c: ID!, $k: [String!]!) { cartDiscountCodesUpdate(cartId: $c, codes: $k) { ${E} } }`,
          { c: me.id, k: [code] },
          { token: shopper.token },
        );
      const placed = ok(
        await t.gql(O.checkout, { input: { cartId: me.id, idempotencyKey: randomUUID(), payment } }, { token: shopper.token }),
        'checkout',
      ).order;
      for (const f of placed.fulfillments) {
        ok(await t.gql(O.markReady, { id: f.id }, { token: staffA }), 'fulfillmentMarkReady');
        ok(await t.gql(COLLECT, { id: f.id, code: f.pickupCode }, { token: staffA }), 'fulfillmentCollect');
      }
      return placed;
    }
    const counter = (
      orderId: string,
      lines: unknown[],
      opts: { token?: string; loc?: { id: string }; exchange?: unknown[]; key?: string } = {},
    ) =>
      t.gql(
        R.create,
        { input: { orderId, locationId: (opts.loc ?? A).id, lines, exchange: opts.exchange, idempotencyKey: opts.key ?? randomUUID() } },
        { token: opts.token ?? staffA },
      );

    extra?.({ t: () => t });

    it('who may do what: the customer asks for their own order, staff for them; staff receive at their store', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['M'] })).variants;
      await adjust(t, admin, A.id, v.sku, 5);
      const me = (await t.gql(`query { me { cart { id } } }`, {}, { token: shopper.token })).data.me.cart;
      await addLines(t, me.id, [pickup(v.id, A.id, 2)], { token: shopper.token });
      const o = ok(
        await t.gql(O.checkout, { input: { cartId: me.id, idempotencyKey: randomUUID() } }, { token: shopper.token }),
        'checkout',
      ).order;
      const ask = (token: string | undefined, quantity = 1) =>
        t.gql(R.request, { input: { orderId: o.id, lines: [{ variantId: v.id, quantity, reason: 'SIZE_TOO_SMALL' }] } }, { token });
      expect(refusal(await ask(shopper.token), 'returnRequest')).toEqual(['RETURN_NOT_ALLOWED']); // not handed over yet
      ok(await t.gql(O.markReady, { id: o.fulfillments[0].id }, { token: staffA }), 'fulfillmentMarkReady');
      ok(await t.gql(COLLECT, { id: o.fulfillments[0].id, code: o.fulfillments[0].pickupCode }, { token: staffA }), 'fulfillmentCollect');
      const stranger = await registerShopper(t);
      expect(codes(await ask(stranger.token))).toEqual(['FORBIDDEN']);
      expect(codes(await ask(undefined))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await ask(shopper.token, 0))).toEqual(['BAD_USER_INPUT']); // the units' rules hold on every kind of return line
      expect(refusal(await ask(shopper.token, 3), 'returnRequest')).toEqual(['RETURN_QUANTITY_EXCEEDED']);
      const req = ok(await ask(staffB), 'returnRequest').return; // staff for the customer
      expect(refusal(await ask(shopper.token, 2), 'returnRequest')).toEqual(['RETURN_QUANTITY_EXCEEDED']); // one is already asked for
      expect(codes(await t.gql(R.byNumber, { number: req.number }, { token: shopper.token }))).toEqual(['FORBIDDEN']);
      expect((await t.gql(R.byNumber, { number: req.number.toLowerCase() }, { token: staffB })).data.returnByNumber.id).toBe(req.id);
      const receive = (token: string, loc: { id: string }) =>
        t.gql(
          R.receive,
          { input: { returnId: req.id, locationId: loc.id, lines: [{ variantId: v.id, quantity: 1, disposition: 'RESTOCK' }] } },
          { token },
        );
      expect(codes(await receive(shopper.token, B))).toEqual(['FORBIDDEN']);
      expect(codes(await receive(staffA, B))).toEqual(['FORBIDDEN']); // staff receive at their own store
      const got = ok(await receive(staffB, B), 'returnReceive').return;
      expect([got.status, got.location.id, got.refundMethod, got.refund.amount]).toEqual(['RECEIVED', B.id, 'NONE', 12900]);
      expect(refusal(await receive(staffB, B), 'returnReceive')).toEqual(['INVALID_STATE']);
      const order = (await t.gql(R.order, { id: o.id }, { token: shopper.token })).data.order;
      expect(order.returns.map((r: AnyJson) => [r.number, r.status])).toEqual([[req.number, 'RECEIVED']]);
      const [event] = await t.db.query(`SELECT data FROM webhook_event WHERE type = 'RETURN_RECEIVED' AND data->>'returnId' = $1`, [
        req.id,
      ]);
      expect(event?.data).toMatchObject({ returnId: req.id, orderId: o.id, orderNumber: o.number });
    });

    it('the same return received at two stores at once: one receipt, one refund, the units counted once', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['S'], price: 5000 })).variants;
      await adjust(t, admin, A.id, v.sku, 2);
      const o = await collected([pickup(v.id, A.id, 1)]);
      const req = ok(
        await t.gql(
          R.request,
          { input: { orderId: o.id, lines: [{ variantId: v.id, quantity: 1, reason: 'OTHER' }] } },
          { token: shopper.token },
        ),
        'returnRequest',
      ).return;
      const at = (token: string, loc: { id: string }) =>
        t.gql(
          R.receive,
          { input: { returnId: req.id, locationId: loc.id, lines: [{ variantId: v.id, quantity: 1, disposition: 'RESTOCK' }] } },
          { token },
        );
      const [x, y] = await Promise.all([at(staffA, A), at(staffB, B)]);
      const outcomes = [x, y].map((r) => (r.data.returnReceive.userErrors[0]?.code as string | undefined) ?? 'RECEIVED').sort();
      expect(outcomes).toEqual(['INVALID_STATE', 'RECEIVED']);
      const onHand = (await level(A, v.sku)).onHand + ((await level(B, v.sku))?.onHand ?? 0);
      expect(onHand).toBe(2); // 2 received, 1 sold, 1 back once
      const order = (await t.gql(R.order, { id: o.id }, { token: admin })).data.order;
      expect([order.paymentStatus, order.payments[0].refunded.amount]).toEqual(['REFUNDED', 5000]);
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('refunds the price paid: the line less its share of the discount; every unit back refunds exactly the total', async () => {
      const code = `RET${randomUUID().slice(0, 6).toUpperCase()}`;
      await t.gql(
        `mutation($input: PromotionCreateInput!) { promotionCreate(input: $input) { ${E} } }`,
        { input: { code, percentOff: 15 } },
        { token: admin },
      );
      const [a, b] = (await createProduct(t, admin, { sizes: ['S', 'M'], price: 3333 })).variants;
      await adjust(t, admin, A.id, a.sku, 5);
      await adjust(t, admin, A.id, b.sku, 5);
      const o = await collected([pickup(a.id, A.id, 3), pickup(b.id, A.id, 1)], undefined, code);
      const total = o.total.amount;
      let refunded = 0;
      for (const [variantId, quantity] of [
        [a.id, 1],
        [b.id, 1],
        [a.id, 2],
      ] as const)
        refunded += ok(await counter(o.id, [{ variantId, quantity, reason: 'CHANGED_MIND', disposition: 'RESTOCK' }]), 'returnCreate')
          .return.refund.amount;
      expect(refunded).toBe(total);
      expect(
        refusal(await counter(o.id, [{ variantId: a.id, quantity: 1, reason: 'OTHER', disposition: 'RESTOCK' }]), 'returnCreate'),
      ).toEqual(['RETURN_QUANTITY_EXCEEDED']);
      const order = (await t.gql(R.order, { id: o.id }, { token: admin })).data.order;
      expect([order.paymentStatus, order.payments[0].refunded.amount]).toEqual(['REFUNDED', total]);
    });

    it('a damaged unit goes on hand as unsellable; the counter return is idempotent by key, in parallel too', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['L'], price: 2000 })).variants;
      await adjust(t, admin, A.id, v.sku, 3);
      const o = await collected([pickup(v.id, A.id, 2)]);
      const before = await level(A, v.sku);
      const key = randomUUID();
      const line = [{ variantId: v.id, quantity: 1, reason: 'DAMAGED', disposition: 'DAMAGED' }];
      const [x, y] = await Promise.all([counter(o.id, line, { key }), counter(o.id, line, { key })]);
      expect(ok(x, 'returnCreate').return.id).toBe(ok(y, 'returnCreate').return.id);
      expect(await level(A, v.sku)).toMatchObject({ onHand: before.onHand + 1, unsellable: 1, available: before.available });
      expect(refusal(await counter(o.id, [{ ...line[0], quantity: 2 }], { key }), 'returnCreate')).toEqual(['IDEMPOTENCY_KEY_REUSED']);
      const order = (await t.gql(R.order, { id: o.id }, { token: admin })).data.order;
      expect(order.payments[0].refunded.amount).toBe(2000);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM stock_movement WHERE type = 'RETURN' AND variant_id = $1`, [v.id]);
      expect(n).toBe(1);
    });

    it('swaps a size from the shelf, orders it from elsewhere when the shelf lacks it, and refuses what nobody has', async () => {
      const [s, m, l, xl] = (await createProduct(t, admin, { sizes: ['S', 'M', 'L', 'XL'], price: 7000 })).variants;
      const other = (await createProduct(t, admin, { sizes: ['M'], price: 7000 })).variants[0];
      await adjust(t, admin, A.id, s.sku, 4);
      await adjust(t, admin, A.id, m.sku, 2);
      await adjust(t, admin, W.id, l.sku, 2);
      const o = await collected([pickup(s.id, A.id, 3)]);
      const swap = (variantId: string, quantity = 1) =>
        counter(o.id, [{ variantId: s.id, quantity, reason: 'SIZE_TOO_SMALL', disposition: 'RESTOCK' }], {
          exchange: [{ returnedVariantId: s.id, variantId, quantity }],
        });
      const m0 = await level(A, m.sku);
      const here = ok(await swap(m.id), 'returnCreate').return;
      expect([
        here.refund.amount,
        here.lines[0].exchanged,
        here.exchangeOrder.channel,
        here.exchangeOrder.status,
        here.exchangeOrder.total.amount,
      ]).toEqual([0, 1, 'STORE', 'COMPLETED', 0]);
      expect((await level(A, m.sku)).onHand).toBe(m0.onHand - 1); // handed over from the shelf
      const sent = ok(await swap(l.id), 'returnCreate').return;
      expect(sent.exchangeOrder.fulfillments.map((f: AnyJson) => [f.type, f.sourceLocation.id])).toEqual([['SHIP_TO_STORE', W.id]]);
      const s0 = await level(A, s.sku);
      expect(refusal(await swap(xl.id), 'returnCreate')).toEqual(['OUT_OF_STOCK']);
      expect(refusal(await swap(other.id), 'returnCreate')).toEqual(['EXCHANGE_NOT_ALLOWED']);
      expect(await level(A, s.sku)).toEqual(s0); // refused: nothing came back
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('returns within RETURN_WINDOW_DAYS of the handover, not after', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['U'], price: 1000 })).variants;
      await adjust(t, admin, A.id, v.sku, 3);
      const o = await collected([pickup(v.id, A.id, 2)]);
      const clock = moveClock(t.app);
      try {
        const line = [{ variantId: v.id, quantity: 1, reason: 'OTHER', disposition: 'RESTOCK' }];
        clock.advance(30 * 86_400_000 - 60_000);
        ok(await counter(o.id, line), 'returnCreate');
        clock.advance(120_000);
        expect(refusal(await counter(o.id, line), 'returnCreate')).toEqual(['RETURN_WINDOW_CLOSED']);
      } finally {
        clock.restore();
      }
    });

    it('reports returns against the channel of the sale and the store that took them back', async () => {
      const from = new Date(Date.now() - 60_000).toISOString();
      const [v] = (await createProduct(t, admin, { sizes: ['U'], price: 1500 })).variants;
      await adjust(t, admin, A.id, v.sku, 2);
      const o = await collected([pickup(v.id, A.id, 1)]);
      const C = await createLocation(t, admin); // a store that took nothing else back
      const staffC = (await createStaff(t, admin, 'ASSOCIATE', C.id)).token;
      ok(
        await counter(o.id, [{ variantId: v.id, quantity: 1, reason: 'OTHER', disposition: 'RESTOCK' }], { token: staffC, loc: C }),
        'returnCreate',
      );
      const to = new Date(Date.now() + 60_000).toISOString();
      const web = (await t.gql(R.report, { from, to }, { token: admin })).data.channelReport.find((r: AnyJson) => r.channel === 'WEB');
      expect(web.returns).toBeGreaterThanOrEqual(1);
      expect(web.returnedUnits).toBeGreaterThanOrEqual(1);
      const rows = (await t.gql(R.byStore, { from, to }, { token: admin })).data.returnsReport;
      expect(rows.find((r: AnyJson) => r.location.id === C.id)).toMatchObject({ returns: 1, units: 1, refundedTotal: { amount: 1500 } });
    });
  });
}

returnsSuite('returns and exchanges (sandbox payments)', async () => ({}));

describe('refunds to a card through Stripe (the local fake): retried until made, never doubled', () => {
  let fake: FakeStripe;
  let t: TestApp;
  beforeAll(async () => {
    fake = await FakeStripe.start('sk_test_x');
    t = await startTestApp({
      BACKGROUND_JOBS: 'false',
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_API_URL: fake.url,
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('a refund the provider fails is owed at once, sent again by the repair job, and made once', async () => {
    const admin = await adminToken(t);
    const A = await createLocation(t, admin, { pickupEnabled: true });
    const staff = (await createStaff(t, admin, 'ASSOCIATE', A.id)).token;
    const [v] = (await createProduct(t, admin, { sizes: ['U'], price: 4200 })).variants;
    await adjust(t, admin, A.id, v.sku, 2);
    const cart = await guestCart(t);
    await addLines(t, cart.id, [pickup(v.id, A.id, 1)]);
    const checkout = await t.gql(O.checkout, {
      input: {
        cartId: cart.id,
        idempotencyKey: randomUUID(),
        contact: { email: 'g@test.example' },
        shippingAddress: ADDRESS,
        payment: { method: 'CARD', token: FAKE_CARDS.ok },
      },
    });
    const o = checkout.data.checkout.order;
    expect(checkout.data.checkout.userErrors).toEqual([]);
    await t.gql(O.markReady, { id: o.fulfillments[0].id }, { token: staff });
    expect(
      (await t.gql(COLLECT, { id: o.fulfillments[0].id, code: o.fulfillments[0].pickupCode }, { token: staff })).data.fulfillmentCollect
        .userErrors,
    ).toEqual([]);

    fake.down = true;
    const r = await t.gql(
      R.create,
      {
        input: {
          orderId: o.id,
          locationId: A.id,
          idempotencyKey: randomUUID(),
          lines: [{ variantId: v.id, quantity: 1, reason: 'OTHER', disposition: 'RESTOCK' }],
        },
      },
      { token: staff },
    );
    expect(r.data.returnCreate.userErrors).toEqual([]);
    const ret = r.data.returnCreate.return;
    expect([ret.status, ret.refund.amount, ret.refundMethod, ret.refundSettled]).toEqual(['RECEIVED', 4200, 'CARD', false]);
    const [owed] = await t.db.query(`SELECT state, attempts FROM payment_refund WHERE idempotency_key = $1`, [`refund-${ret.id}`]);
    expect(owed).toEqual({ state: 'PENDING', attempts: 1 });

    const payments = t.app.get(PaymentsService);
    await t.db.query(`UPDATE payment_refund SET next_attempt_at = now() WHERE idempotency_key = $1`, [`refund-${ret.id}`]);
    await payments.repair(); // still down: tried again, still owed
    expect((await t.db.query(`SELECT attempts FROM payment_refund WHERE idempotency_key = $1`, [`refund-${ret.id}`]))[0].attempts).toBe(2);
    fake.down = false;
    await t.db.query(`UPDATE payment_refund SET next_attempt_at = now() WHERE idempotency_key = $1`, [`refund-${ret.id}`]);
    await Promise.all([payments.repair(), payments.repair()]); // two workers at once
    await payments.repair();
    const refunds = [...fake.refunds.values()].filter((x) => x.amount === 4200);
    expect(refunds).toHaveLength(1);
    const made = fake.calls('POST', '/v1/refunds').filter((c) => c.status === 200);
    expect(new Set(made.map((c) => c.idempotencyKey))).toEqual(new Set([`refund-${ret.id}`]));
    expect((await t.db.query(`SELECT state FROM payment_refund WHERE idempotency_key = $1`, [`refund-${ret.id}`]))[0].state).toBe(
      'SUCCEEDED',
    );
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM payment_transaction WHERE kind = 'REFUND' AND outcome = 'SUCCEEDED' AND idempotency_key = $1`,
      [`refund-${ret.id}`],
    );
    expect(n).toBe(1);
  });
});
