import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { PaymentsService, STRIPE_WEBHOOK_PATH, StripeProvider } from '@app/payments';
import { FAKE_CARDS, FakeStripe } from './support/fake-stripe.js';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { addLines, guestCart, O, pickup } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) {
  order { id paymentStatus fulfillments { id pickupCode } } userErrors { code field message } } }`;

const SECRET_KEY = 'sk_test_x';
const WEBHOOK_SECRET = 'whsec_x';
let n = 0;
const key = (what: string) => `${what}-${process.pid}-${++n}`;

describe('Stripe adapter against the local fake', () => {
  let fake: FakeStripe;
  let stripe: StripeProvider;
  let single: StripeProvider;

  beforeAll(async () => {
    fake = await FakeStripe.start(SECRET_KEY);
    stripe = new StripeProvider({ secretKey: SECRET_KEY, apiUrl: fake.url, multicapture: true });
    single = new StripeProvider({ secretKey: SECRET_KEY, apiUrl: fake.url });
  });
  afterAll(() => fake?.close());

  const authorize = (amount = 10_000, token: string = FAKE_CARDS.ok, idempotencyKey = key('auth'), p = stripe) =>
    p.authorize({ amount, currency: 'EUR', token, idempotencyKey, description: 'Order at the test shop' });

  it('authorises: a confirmed, manual-capture PaymentIntent for the amount in lower-case currency, under the port key', async () => {
    const k = key('auth');
    const outcome = await authorize(4_990, FAKE_CARDS.ok, k);
    expect(outcome).toEqual({ ok: true, reference: expect.stringMatching(/^pi_/) });
    const pi = fake.intents.get((outcome as { reference: string }).reference)!;
    expect(pi).toMatchObject({
      amount: 4_990,
      currency: 'eur',
      status: 'requires_capture',
      amount_capturable: 4_990,
      capture_method: 'manual',
    });
    expect(pi.payment_method).toBe(FAKE_CARDS.ok);
    const [call] = fake.calls('POST', '/v1/payment_intents').filter((c) => c.idempotencyKey === k);
    expect(call.form).toMatchObject({ confirm: 'true', capture_method: 'manual', allowed_payment_method_types: ['card'] });
  });

  it('reads a card error as declined', async () => {
    const outcome = await authorize(2_000, FAKE_CARDS.declined);
    expect(outcome).toEqual({ ok: false, declined: true, message: 'Your card was declined.' });
  });

  it('reads Stripe down (500s, retried once under the same key) as not declined', async () => {
    fake.down = true;
    try {
      const k = key('auth');
      const outcome = await authorize(2_000, FAKE_CARDS.ok, k);
      expect(outcome).toMatchObject({ ok: false, declined: false });
      const calls = fake.requests.filter((c) => c.idempotencyKey === k);
      expect(calls.map((c) => c.status)).toEqual([500, 500]);
    } finally {
      fake.down = false;
    }
  });

  it('reads an unreachable Stripe as not declined, without throwing', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const nowhere = new StripeProvider({ secretKey: SECRET_KEY, apiUrl: `http://127.0.0.1:${port}`, maxNetworkRetries: 0 });
    await expect(authorize(2_000, FAKE_CARDS.ok, key('auth'), nowhere)).resolves.toMatchObject({ ok: false, declined: false });
  });

  it('sends the same idempotency key twice: one PaymentIntent, the same reference', async () => {
    const before = fake.intents.size;
    const k = key('auth');
    const [a, b] = [await authorize(3_000, FAKE_CARDS.ok, k), await authorize(3_000, FAKE_CARDS.ok, k)];
    expect(a).toEqual(b);
    expect(a.ok).toBe(true);
    expect(fake.intents.size).toBe(before + 1);
    expect(fake.calls('POST', '/v1/payment_intents').filter((c) => c.idempotencyKey === k)).toHaveLength(2);
  });

  it('captures in part (final_capture false), then the last part, which releases the rest', async () => {
    const auth = await authorize(10_000);
    if (!auth.ok) throw new Error(auth.message);
    const first = { reference: auth.reference, amount: 4_000, currency: 'EUR', idempotencyKey: key('cap'), final: false };
    expect(await stripe.capture(first)).toEqual({ ok: true, reference: auth.reference });
    expect(fake.intents.get(auth.reference)).toMatchObject({
      status: 'requires_capture',
      amount_received: 4_000,
      amount_capturable: 6_000,
    });
    // The same capture again (a retry after a lost answer): Stripe's stored answer, nothing captured twice.
    expect(await stripe.capture(first)).toEqual({ ok: true, reference: auth.reference });
    expect(fake.intents.get(auth.reference)!.amount_received).toBe(4_000);

    const last = await stripe.capture({
      reference: auth.reference,
      amount: 5_000,
      currency: 'EUR',
      idempotencyKey: key('cap'),
      final: true,
    });
    expect(last).toEqual({ ok: true, reference: auth.reference });
    expect(fake.intents.get(auth.reference)).toMatchObject({ status: 'succeeded', amount_received: 9_000, amount_capturable: 0 });
    const forms = fake.calls('POST', `/v1/payment_intents/${auth.reference}/capture`).map((c) => c.form);
    expect(forms[0]).toEqual({ amount_to_capture: '4000', final_capture: 'false' });
    expect(forms.at(-1)).toEqual({ amount_to_capture: '5000' });
  });

  it('without multicapture a capture that is not the last is refused, as not ok and not declined', async () => {
    const auth = await authorize(10_000, FAKE_CARDS.ok, key('auth'), single);
    if (!auth.ok) throw new Error(auth.message);
    const outcome = await single.capture({
      reference: auth.reference,
      amount: 4_000,
      currency: 'EUR',
      idempotencyKey: key('cap'),
      final: false,
    });
    expect(outcome).toMatchObject({ ok: false, declined: false });
    expect(fake.intents.get(auth.reference)!.amount_received).toBe(0);
  });

  it('voids: the PaymentIntent is canceled; voiding it again is done, not an error', async () => {
    const auth = await authorize(5_000);
    if (!auth.ok) throw new Error(auth.message);
    expect(await stripe.void({ reference: auth.reference, idempotencyKey: key('void') })).toEqual({ ok: true, reference: auth.reference });
    expect(fake.intents.get(auth.reference)).toMatchObject({ status: 'canceled', amount_capturable: 0 });
    expect(await stripe.void({ reference: auth.reference, idempotencyKey: key('void') })).toEqual({ ok: true, reference: auth.reference });
  });

  it('does not void a captured payment', async () => {
    const auth = await authorize(5_000);
    if (!auth.ok) throw new Error(auth.message);
    await stripe.capture({ reference: auth.reference, amount: 5_000, currency: 'EUR', idempotencyKey: key('cap'), final: true });
    expect(await stripe.void({ reference: auth.reference, idempotencyKey: key('void') })).toMatchObject({ ok: false, declined: false });
  });

  it('refunds part of a capture, once per key', async () => {
    const auth = await authorize(8_000);
    if (!auth.ok) throw new Error(auth.message);
    await stripe.capture({ reference: auth.reference, amount: 8_000, currency: 'EUR', idempotencyKey: key('cap'), final: true });
    const r = { reference: auth.reference, amount: 3_000, currency: 'EUR', idempotencyKey: key('ref') };
    const outcome = await stripe.refund(r);
    expect(outcome).toEqual({ ok: true, reference: expect.stringMatching(/^re_/) });
    expect(await stripe.refund(r)).toEqual(outcome);
    const refunds = [...fake.refunds.values()].filter((x) => x.payment_intent === auth.reference);
    expect(refunds).toEqual([expect.objectContaining({ amount: 3_000, payment_intent: auth.reference })]);
    // More than is left is Stripe's refusal, an outcome rather than a throw.
    expect(await stripe.refund({ ...r, amount: 6_000, idempotencyKey: key('ref') })).toMatchObject({ ok: false, declined: false });
  });
});

describe('Stripe webhook through the running app', () => {
  let fake: FakeStripe;
  let t: TestApp;

  beforeAll(async () => {
    fake = await FakeStripe.start(SECRET_KEY);
    t = await startTestApp({
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: fake.url,
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const eventOf = (type: string, object: Record<string, unknown>) =>
    JSON.stringify({ id: `evt_${process.pid}_${++n}`, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object } });
  const send = (payload: string, signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })) =>
    t
      .http()
      .post(STRIPE_WEBHOOK_PATH)
      .set('content-type', 'application/json; charset=utf-8')
      .set('stripe-signature', signature)
      .send(payload);
  const recorded = (eventId: string) =>
    t.db.query<{ type: string; payment_id: string | null; payload: { id: string } }[]>(
      `SELECT type, payment_id, payload FROM payment_event WHERE provider_event_id = $1`,
      [eventId],
    );
  const eventCount = async () => Number((await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM payment_event`))[0].n);

  it('records a signed dispute against the payment whose PaymentIntent it names', async () => {
    // A real authorisation through the app's provider (the Stripe adapter, on the fake).
    const payment = await t.app
      .get(PaymentsService)
      .authorize({ key: key('checkout'), amount: 12_000, currency: 'EUR', token: FAKE_CARDS.ok, description: 'webhook test' });
    expect(payment.provider).toBe('stripe');
    expect(fake.intents.has(payment.providerRef!)).toBe(true);

    const payload = eventOf('charge.dispute.created', {
      id: 'dp_1',
      object: 'dispute',
      amount: 12_000,
      payment_intent: payment.providerRef,
    });
    const res = await send(payload);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true });
    const id = (JSON.parse(payload) as { id: string }).id;
    expect(await recorded(id)).toEqual([
      { type: 'charge.dispute.created', payment_id: payment.id, payload: JSON.parse(payload) as unknown },
    ]);
  });

  it('records a failed refund of an unknown PaymentIntent with no payment, and any other type too', async () => {
    const failed = eventOf('refund.failed', { id: 're_1', object: 'refund', status: 'failed', payment_intent: 'pi_not_ours' });
    const other = eventOf('customer.created', { id: 'cus_1', object: 'customer' });
    expect((await send(failed)).status).toBe(200);
    expect((await send(other)).status).toBe(200);
    expect(await recorded((JSON.parse(failed) as { id: string }).id)).toEqual([
      expect.objectContaining({ type: 'refund.failed', payment_id: null }),
    ]);
    expect(await recorded((JSON.parse(other) as { id: string }).id)).toEqual([
      expect.objectContaining({ type: 'customer.created', payment_id: null }),
    ]);
  });

  it('refuses a bad signature with 400 and records nothing', async () => {
    const before = await eventCount();
    const payload = eventOf('charge.refund.updated', { id: 're_2', object: 'refund', status: 'failed', payment_intent: 'pi_x' });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' });
    expect((await send(payload, forged)).status).toBe(400);
    // Signed, then altered on the way.
    const signed = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    expect((await send(payload.replace('"failed"', '"succeeded"'), signed)).status).toBe(400);
    expect((await t.http().post(STRIPE_WEBHOOK_PATH).set('content-type', 'application/json').send(payload)).status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it('records a replayed event once and acknowledges every delivery', async () => {
    const payload = eventOf('charge.refund.updated', { id: 're_3', object: 'refund', status: 'failed', payment_intent: 'pi_y' });
    const answers = await Promise.all([send(payload), send(payload), send(payload)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await recorded((JSON.parse(payload) as { id: string }).id)).toHaveLength(1);
  });

  it('takes an event larger than the GraphQL body limit (its own raw parser and limit)', async () => {
    const payload = eventOf('charge.dispute.created', {
      id: 'dp_big',
      object: 'dispute',
      payment_intent: 'pi_z',
      evidence: 'x'.repeat(150_000),
    });
    expect((await send(payload)).status).toBe(200);
    expect(await recorded((JSON.parse(payload) as { id: string }).id)).toHaveLength(1);
  });

  it('leaves GraphQL as it was (JSON bodies parsed)', async () => {
    const r = await t.gql('query { __typename }');
    expect(r.data).toEqual({ __typename: 'Query' });
  });
});

describe('Stripe webhook without a signing secret', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PAYMENT_PROVIDER: 'stripe', STRIPE_SECRET_KEY: SECRET_KEY });
  });
  afterAll(() => t?.close());

  it('answers 503 (Stripe keeps retrying) and records nothing', async () => {
    const payload = JSON.stringify({
      id: `evt_${process.pid}_nosecret`,
      object: 'event',
      type: 'charge.dispute.created',
      data: { object: {} },
    });
    const res = await t
      .http()
      .post(STRIPE_WEBHOOK_PATH)
      .set('content-type', 'application/json')
      .set('stripe-signature', Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }))
      .send(payload);
    expect(res.status).toBe(503);
    expect(await t.db.query(`SELECT 1 FROM payment_event`)).toEqual([]);
  });
});

describe('checkout and collection paid through Stripe (the local fake)', () => {
  let fake: FakeStripe;
  let t: TestApp;

  beforeAll(async () => {
    fake = await FakeStripe.start(SECRET_KEY);
    t = await startTestApp({
      BACKGROUND_JOBS: 'false',
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_API_URL: fake.url,
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('authorises at checkout, captures at the counter, and a declined card changes nothing', async () => {
    const admin = await adminToken(t);
    const store = await createLocation(t, admin);
    const staff = (await createStaff(t, admin, 'ASSOCIATE', store.id)).token;
    const [variant] = (await createProduct(t, admin, { sizes: ['M'], price: 8900 })).variants;
    await adjust(t, admin, store.id, variant.sku, 3);
    const checkout = async (token: string) => {
      const c = await guestCart(t);
      await addLines(t, c.id, [pickup(variant.id, store.id)]);
      const input = {
        cartId: c.id,
        idempotencyKey: key('co'),
        contact: { email: 'card@test.example' },
        payment: { method: 'CARD', token },
      };
      return (await t.gql(CHECKOUT, { input })).data.checkout;
    };
    expect((await checkout(FAKE_CARDS.declined)).userErrors.map((e: { code: string }) => e.code)).toEqual(['PAYMENT_DECLINED']);
    expect((await t.gql(O.level, { locationId: store.id, sku: variant.sku }, { token: admin })).data.stockLevel.reserved).toBe(0);
    const placed = await checkout(FAKE_CARDS.ok);
    expect(placed.userErrors).toEqual([]);
    expect(placed.order.paymentStatus).toBe('AUTHORIZED');
    const [ref] = await t.db.query<{ provider_ref: string }[]>(`SELECT provider_ref FROM payment WHERE order_id = $1`, [placed.order.id]);
    expect(fake.intents.get(ref.provider_ref)).toMatchObject({ status: 'requires_capture', amount: 8900 });
    const f = placed.order.fulfillments[0];
    await t.gql(O.markReady, { id: f.id }, { token: staff });
    expect((await t.gql(O.collect, { id: f.id, code: f.pickupCode }, { token: staff })).data.fulfillmentCollect.userErrors).toEqual([]);
    expect(fake.intents.get(ref.provider_ref)).toMatchObject({ status: 'succeeded', amount_received: 8900 });
    expect(
      (await t.gql(`query($id: ID!) { order(id: $id) { paymentStatus } }`, { id: placed.order.id }, { token: admin })).data.order
        .paymentStatus,
    ).toBe('PAID');
  });
});
