import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationDispatcher } from '@app/notifications';
import { adjust, adminToken, createLocation, createProduct } from './support/factories.js';
import { addLines, guestCart, O, pickup } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The outbox against a real HTTP SMS provider stand-in on loopback (the outside edge); email goes through
 * nodemailer's JSON transport. Rows are leased, sent, retried with backoff, and survive a crashed sender.
 */
describe('notifications: the transactional outbox', () => {
  let t: TestApp;
  let sms: Server;
  const received: { to: string; text: string }[] = [];
  let failNext = 0;
  let dispatcher: NotificationDispatcher;
  let storeId: string;
  let variantId: string;

  beforeAll(async () => {
    sms = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
          return;
        }
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => sms.listen(0, '127.0.0.1', r));
    const port = (sms.address() as AddressInfo).port;
    t = await startTestApp({ BACKGROUND_JOBS: 'false', SMS_WEBHOOK_URL: `http://127.0.0.1:${port}/sms`, NOTIFICATION_MAX_ATTEMPTS: '3' });
    dispatcher = t.app.get(NotificationDispatcher);
    const admin = await adminToken(t);
    storeId = (await createLocation(t, admin)).id;
    const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
    variantId = v.id;
    await adjust(t, admin, storeId, v.sku, 100);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => sms.close(r));
  });

  const place = async (phone: string) => {
    const cart = await guestCart(t);
    await addLines(t, cart.id, [pickup(variantId, storeId)]);
    const r = await t.gql(O.checkout, {
      input: { cartId: cart.id, idempotencyKey: randomUUID(), contact: { email: `${phone.slice(1)}@test.example`, phone } },
    });
    expect(r.data.checkout.userErrors).toEqual([]);
    return r.data.checkout.order.id as string;
  };
  const rows = (orderId: string) =>
    t.db.query(`SELECT channel, status, attempts, last_error IS NOT NULL AS erred FROM notification WHERE order_id = $1 ORDER BY channel`, [
      orderId,
    ]);
  const drain = async () => {
    while ((await dispatcher.dispatchDue()) > 0) {
      /* until nothing is due */
    }
  };

  it('sends an email and a text for a confirmed order, once', async () => {
    const orderId = await place('+33611111111');
    await drain();
    expect(await rows(orderId)).toEqual([
      { channel: 'EMAIL', status: 'SENT', attempts: 1, erred: false },
      { channel: 'SMS', status: 'SENT', attempts: 1, erred: false },
    ]);
    expect(received.filter((m) => m.to === '+33611111111')).toHaveLength(1);
    await drain();
    expect(received.filter((m) => m.to === '+33611111111')).toHaveLength(1);
  });

  it('a provider failure is retried later with backoff, and gives up after the last attempt', async () => {
    const orderId = await place('+33622222222');
    failNext = 1;
    await drain();
    expect((await rows(orderId)).find((r: { channel: string }) => r.channel === 'SMS')).toEqual({
      channel: 'SMS',
      status: 'PENDING',
      attempts: 1,
      erred: true,
    });
    const [{ later }] = await t.db.query(`SELECT not_before > now() AS later FROM notification WHERE order_id = $1 AND channel = 'SMS'`, [
      orderId,
    ]);
    expect(later).toBe(true);
    await t.db.query(`UPDATE notification SET not_before = now() WHERE order_id = $1`, [orderId]);
    failNext = 5;
    await drain();
    await t.db.query(`UPDATE notification SET not_before = now() WHERE order_id = $1`, [orderId]);
    await drain();
    expect((await rows(orderId)).find((r: { channel: string }) => r.channel === 'SMS')).toEqual({
      channel: 'SMS',
      status: 'FAILED',
      attempts: 3,
      erred: true,
    });
    failNext = 0;
  });

  it('a sender that dies after taking rows loses nothing: its lease runs out and another sends them', async () => {
    const orderId = await place('+33633333333');
    const taken = await dispatcher.claim(); // ...and the process dies here, before sending
    expect(taken.map((n) => n.recipient)).toContain('+33633333333');
    await drain(); // another process: the rows are leased, so not yet
    expect(received.filter((m) => m.to === '+33633333333')).toHaveLength(0);
    // The lease runs out.
    await t.db.query(`UPDATE notification SET leased_until = now() - interval '1 second' WHERE order_id = $1`, [orderId]);
    await drain();
    expect(received.filter((m) => m.to === '+33633333333')).toHaveLength(1);
    expect((await rows(orderId)).map((r: { status: string }) => r.status)).toEqual(['SENT', 'SENT']);
  });

  it('two dispatchers at once never send a row twice', async () => {
    const orderIds = await Promise.all(['+33644444401', '+33644444402', '+33644444403'].map(place));
    await Promise.all([drain(), drain(), drain()]);
    for (const phone of ['+33644444401', '+33644444402', '+33644444403']) expect(received.filter((m) => m.to === phone)).toHaveLength(1);
    for (const id of orderIds) expect((await rows(id)).map((r: { status: string }) => r.status)).toEqual(['SENT', 'SENT']);
  });

  it('a reminder waits for its time', async () => {
    const orderId = await place('+33655555555');
    await drain();
    await t.db.query(
      `INSERT INTO notification (order_id, template, channel, recipient, not_before) VALUES ($1, 'PICKUP_REMINDER', 'SMS', '+33655555555', now() + interval '1 hour')`,
      [orderId],
    );
    await drain();
    expect(received.filter((m) => m.to === '+33655555555')).toHaveLength(1);
  });

  it('the ready-for-pickup text carries the pickup code (a guest has no other way to see it), and it works at the counter', async () => {
    const admin = await adminToken(t);
    const cart = await guestCart(t);
    await addLines(t, cart.id, [pickup(variantId, storeId)]);
    const placed = await t.gql(
      O.checkout,
      { input: { cartId: cart.id, idempotencyKey: randomUUID(), contact: { email: 'walkin@test.example', phone: '+33677777777' } } },
      { token: admin },
    );
    const f = placed.data.checkout.order.fulfillments[0];
    expect(f.pickupCode).toBeNull(); // placed by staff: staff never see it
    await t.gql(O.markReady, { id: f.id }, { token: admin });
    await drain();
    const text = received.find((m) => m.to === '+33677777777' && m.text.includes('ready'))?.text ?? '';
    const code = /pickup code at the counter: ([A-Z0-9]{6})/.exec(text)?.[1];
    expect(code).toBeDefined();
    const [row] = await t.db.query(
      `SELECT payload::text AS payload FROM notification WHERE fulfillment_id = $1 AND template = 'READY_FOR_PICKUP' LIMIT 1`,
      [f.id],
    );
    expect(row.payload).not.toContain(code); // stored sealed, opened only when sent
    const collected = await t.gql(O.collect, { id: f.id, code }, { token: admin });
    expect(collected.data.fulfillmentCollect.fulfillment.status).toBe('COLLECTED');
  });
});
