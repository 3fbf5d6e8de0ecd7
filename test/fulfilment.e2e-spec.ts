import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditAction, AuditLog } from '@app/audit';
import { TransactionHost } from '@app/common';
import { ExpirySweep } from '@app/orders';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, delivery, O, pickup, Q, registerShopper, type Shopper, unbalancedLevels } from './support/shoppers.js';
import { ADMIN, codes, startTestApp, type TestApp } from './support/test-app.js';

describe('fulfilment: prepare, ship, receive, collect, expire, cancel', () => {
  let t: TestApp;
  let admin: string;
  let storeA: { id: string };
  let storeB: { id: string };
  let warehouse: { id: string };
  let staff: Record<'A' | 'B' | 'W', string>;
  let v: { id: string; sku: string }[];
  let shopper: Shopper;

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false', PICKUP_CODE_MAX_FAILURES: '3' });
    admin = await adminToken(t);
    storeA = await createLocation(t, admin, { pickupHold: 'PT2H' });
    storeB = await createLocation(t, admin);
    warehouse = await createLocation(t, admin, { type: 'WAREHOUSE', pickupHold: undefined });
    staff = {
      A: (await createStaff(t, admin, 'ASSOCIATE', storeA.id)).token,
      B: (await createStaff(t, admin, 'ASSOCIATE', storeB.id)).token,
      W: (await createStaff(t, admin, 'ASSOCIATE', warehouse.id)).token,
    };
    v = (await createProduct(t, admin, { sizes: ['S', 'M', 'L'], price: 4000 })).variants;
    await adjust(t, admin, storeA.id, v[0].sku, 20);
    await adjust(t, admin, warehouse.id, v[1].sku, 20);
    await adjust(t, admin, warehouse.id, v[2].sku, 20);
    shopper = await registerShopper(t);
  });
  afterAll(() => t?.close());

  const level = async (loc: string, sku: string) => (await t.gql(O.level, { locationId: loc, sku }, { token: admin })).data.stockLevel;
  const order = async (lines: unknown[], over: Record<string, unknown> = {}) => {
    const cart = (await t.gql(Q.me, {}, { token: shopper.token })).data.me.cart;
    await addLines(t, cart.id, lines, { token: shopper.token });
    const r = await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: randomUUID(), ...over } }, { token: shopper.token });
    expect(r.data.checkout.userErrors).toEqual([]);
    return r.data.checkout.order;
  };
  const move = async (query: string, id: string, token: string, vars: Record<string, unknown> = {}) => {
    const r = await t.gql(query, { id, ...vars }, { token });
    const key = Object.keys(r.data ?? {})[0];
    return {
      errors: codes(r),
      refusal: r.data?.[key]?.userErrors?.[0]?.code,
      status: r.data?.[key]?.fulfillment?.status,
      f: r.data?.[key]?.fulfillment,
    };
  };
  const statusOf = async (orderId: string) => (await t.gql(O.order, { id: orderId }, { token: shopper.token })).data.order;

  it('PICKUP: only the pickup store prepares; ready starts the hold and tells the customer; the code hands it over', async () => {
    const o = await order([pickup(v[0].id, storeA.id, 2)]);
    const f = o.fulfillments[0];
    expect((await move(O.markReady, f.id, staff.B)).errors).toEqual(['FORBIDDEN']);
    const queue = (await t.gql(O.queue, { locationId: storeA.id }, { token: staff.A })).data.pickupQueue;
    expect(queue.find((q: { id: string }) => q.id === f.id)).toMatchObject({ status: 'ALLOCATED', order: { id: o.id } });
    expect(codes(await t.gql(O.queue, { locationId: storeA.id }, { token: staff.B }))).toEqual(['FORBIDDEN']);
    const ready = await move(O.markReady, f.id, staff.A);
    expect(ready.status).toBe('READY_FOR_PICKUP');
    const hours = (Date.parse(ready.f.expiresAt) - Date.now()) / 3600e3;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    expect((await move(O.markReady, f.id, staff.A)).refusal).toBe('INVALID_STATE');
    const seen = await statusOf(o.id);
    expect(
      seen.notifications
        .filter((n: { template: string; channel: string; recipient: string }) => n.template === 'READY_FOR_PICKUP')
        .map((n: { template: string; channel: string; recipient: string }) => [n.channel, n.recipient]),
    ).toEqual([
      ['EMAIL', shopper.email],
      ['SMS', shopper.phone],
    ]);
    const wrong = f.pickupCode.replace(/^./, (c: string) => (c === 'A' ? 'C' : 'A'));
    expect((await move(O.collect, f.id, staff.A, { code: wrong })).refusal).toBe('INVALID_PICKUP_CODE');
    expect((await move(O.collect, f.id, staff.B, { code: f.pickupCode })).errors).toEqual(['FORBIDDEN']);
    expect((await move(O.collect, f.id, staff.A, { code: f.pickupCode.toLowerCase() })).status).toBe('COLLECTED');
    expect(await level(storeA.id, v[0].sku)).toEqual({ onHand: 18, reserved: 0, available: 18 });
    expect((await statusOf(o.id)).status).toBe('COMPLETED');
    expect((await move(O.collect, f.id, staff.A, { code: f.pickupCode })).refusal).toBe('INVALID_STATE');
    const [reminder] = await t.db.query(
      `SELECT status FROM notification WHERE fulfillment_id = $1 AND template = 'PICKUP_REMINDER' LIMIT 1`,
      [f.id],
    );
    expect(reminder.status).toBe('CANCELLED');
  });

  it('wrong codes are counted and lock the pickup, even against the right code', async () => {
    const o = await order([pickup(v[0].id, storeA.id)]);
    const f = o.fulfillments[0];
    await move(O.markReady, f.id, staff.A);
    for (let i = 0; i < 3; i++) expect((await move(O.collect, f.id, staff.A, { code: 'WRONG9' })).refusal).toBe('INVALID_PICKUP_CODE');
    expect((await move(O.collect, f.id, staff.A, { code: f.pickupCode })).refusal).toBe('PICKUP_CODE_LOCKED');
    const [row] = await t.db.query(`SELECT status, pickup_code_failures AS failures FROM fulfillment WHERE id = $1`, [f.id]);
    expect(row).toEqual({ status: 'READY_FOR_PICKUP', failures: 3 });
  });

  it('SHIP_TO_STORE: the source ships, the pickup store receives (held there), then hands over', async () => {
    const o = await order([pickup(v[1].id, storeB.id)]);
    const f = o.fulfillments[0];
    expect([f.type, f.sourceLocation.id, f.pickupLocation.id]).toEqual(['SHIP_TO_STORE', warehouse.id, storeB.id]);
    expect((await move(O.receive, f.id, staff.B)).refusal).toBe('INVALID_STATE');
    expect((await move(O.markReady, f.id, staff.B)).refusal).toBe('INVALID_STATE');
    expect((await move(O.ship, f.id, staff.B)).errors).toEqual(['FORBIDDEN']);
    expect((await move(O.ship, f.id, staff.W)).status).toBe('IN_TRANSIT');
    expect(await level(warehouse.id, v[1].sku)).toEqual({ onHand: 19, reserved: 0, available: 19 });
    expect(codes(await t.gql(O.cancel, { id: o.id }, { token: shopper.token }))).toEqual([]);
    expect((await t.gql(O.cancel, { id: o.id }, { token: shopper.token })).data.orderCancel.userErrors[0].code).toBe('INVALID_STATE');
    expect((await move(O.receive, f.id, staff.B)).status).toBe('READY_FOR_PICKUP');
    expect(await level(storeB.id, v[1].sku)).toEqual({ onHand: 1, reserved: 1, available: 0 });
    expect((await move(O.collect, f.id, staff.B, { code: f.pickupCode })).status).toBe('COLLECTED');
    expect(await level(storeB.id, v[1].sku)).toEqual({ onHand: 0, reserved: 0, available: 0 });
  });

  it('DELIVERY: shipped from the source, then delivered; no pickup code, no way to collect', async () => {
    const o = await order([delivery(v[2].id, 2)], { shippingAddress: ADDRESS });
    const f = o.fulfillments[0];
    expect([f.type, f.pickupCode, f.pickupLocation]).toEqual(['DELIVERY', null, null]);
    expect((await move(O.delivered, f.id, staff.W)).refusal).toBe('INVALID_STATE');
    expect((await move(O.collect, f.id, staff.W, { code: 'AAAAAA' })).refusal).toBe('INVALID_STATE');
    expect((await move(O.ship, f.id, staff.W)).status).toBe('SHIPPED');
    expect((await move(O.ship, f.id, staff.W)).refusal).toBe('INVALID_STATE');
    expect((await move(O.delivered, f.id, staff.W)).status).toBe('DELIVERED');
    const done = await statusOf(o.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.notifications.map((n: { template: string }) => n.template)).toContain('SHIPPED');
  });

  it("cancelling releases what was held, once; only the customer or staff of the order's stores may", async () => {
    const o = await order([pickup(v[0].id, storeA.id), pickup(v[1].id, storeA.id)]);
    const before = await level(storeA.id, v[0].sku);
    const intruder = await registerShopper(t);
    expect(codes(await t.gql(O.cancel, { id: o.id }, { token: intruder.token }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(O.cancel, { id: o.id }, { token: staff.B }))).toEqual(['FORBIDDEN']);
    await move(O.markReady, o.fulfillments.find((f: { type: string }) => f.type === 'PICKUP').id, staff.A);
    const c = await t.gql(O.cancel, { id: o.id }, { token: staff.A });
    expect(c.data.orderCancel.order.status).toBe('CANCELLED');
    expect((await level(storeA.id, v[0].sku)).reserved).toBe(before.reserved - 1);
    expect((await level(warehouse.id, v[1].sku)).reserved).toBe(0);
    expect((await t.gql(O.cancel, { id: o.id }, { token: shopper.token })).data.orderCancel.userErrors[0].code).toBe('INVALID_STATE');
  });

  it('a ready pickup past its hold expires and its stock returns, once, however many sweepers run', async () => {
    const o = await order([pickup(v[0].id, storeA.id, 3)]);
    const f = o.fulfillments[0];
    await move(O.markReady, f.id, staff.A);
    const held = await level(storeA.id, v[0].sku);
    const sweep = t.app.get(ExpirySweep);
    expect(await sweep.run()).toBe(0); // not due yet
    await t.db.query(`UPDATE fulfillment SET expires_at = now() - interval '1 second' WHERE id = $1`, [f.id]);
    const runs = await Promise.all([sweep.run(), sweep.run(), sweep.run()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await level(storeA.id, v[0].sku)).toEqual({ onHand: held.onHand, reserved: held.reserved - 3, available: held.available + 3 });
    const after = await statusOf(o.id);
    expect([after.fulfillments[0].status, after.status]).toEqual(['EXPIRED', 'CANCELLED']);
    expect(after.notifications.map((n: { template: string }) => n.template)).toContain('PICKUP_EXPIRED');
    expect((await move(O.collect, f.id, staff.A, { code: f.pickupCode })).refusal).toBe('INVALID_STATE');
  });

  it('collecting after the hold ran out is PICKUP_EXPIRED, whether or not the sweep ran: expired there, stock back, customer told', async () => {
    const o = await order([pickup(v[0].id, storeA.id, 2)]);
    const f = o.fulfillments[0];
    await move(O.markReady, f.id, staff.A);
    const held = await level(storeA.id, v[0].sku);
    await t.db.query(`UPDATE fulfillment SET expires_at = now() - interval '1 second' WHERE id = $1`, [f.id]);
    expect((await move(O.collect, f.id, staff.B, { code: f.pickupCode })).errors).toEqual(['FORBIDDEN']);
    expect((await move(O.collect, f.id, staff.A, { code: f.pickupCode })).refusal).toBe('PICKUP_EXPIRED');
    expect(await level(storeA.id, v[0].sku)).toEqual({ onHand: held.onHand, reserved: held.reserved - 2, available: held.available + 2 });
    const after = await statusOf(o.id);
    expect([after.fulfillments[0].status, after.status]).toEqual(['EXPIRED', 'CANCELLED']);
    expect(
      after.notifications
        .filter((n: { template: string; channel: string; recipient: string }) => n.template === 'PICKUP_EXPIRED')
        .map((n: { template: string; channel: string; recipient: string }) => [n.channel, n.recipient]),
    ).toEqual([
      ['EMAIL', shopper.email],
      ['SMS', shopper.phone],
    ]);
    const [{ releases }] = await t.db.query(
      `SELECT count(*)::int AS releases FROM stock_movement WHERE reference = $1 AND type = 'RELEASE'`,
      [o.number],
    );
    expect(releases).toBe(1);
    expect(await t.app.get(ExpirySweep).run()).toBe(0); // nothing left for the sweep
    expect((await move(O.collect, f.id, staff.A, { code: f.pickupCode })).refusal).toBe('INVALID_STATE');
  });

  const UNLOCK = `mutation($id: ID!) { pickupUnlock(id: $id) { fulfillment { id status pickupLocked } userErrors { code field message } } }`;
  const audits = (subjectId: string) =>
    t.db.query(
      `SELECT action, staff_id AS "staffId", subject_type AS "subjectType", subject_id AS "subjectId", before, after
    FROM audit_entry WHERE subject_id = $1 ORDER BY created_at`,
      [subjectId],
    );

  it('a locked pickup shows in the queue; a manager of its store or an admin unlocks it, and who did is recorded', async () => {
    const managerA = await createStaff(t, admin, 'MANAGER', storeA.id);
    const managerB = await createStaff(t, admin, 'MANAGER', storeB.id);
    const [{ id: adminId }] = await t.db.query(`SELECT id FROM staff WHERE email = $1`, [ADMIN.email]);
    const o = await order([pickup(v[0].id, storeA.id)]);
    const f = o.fulfillments[0];
    await move(O.markReady, f.id, staff.A);
    const queued = async () =>
      (
        await t.gql(`query($l: ID!) { pickupQueue(locationId: $l) { id pickupLocked } }`, { l: storeA.id }, { token: staff.A })
      ).data.pickupQueue.find((q: { id: string }) => q.id === f.id);
    const lock = async () => {
      for (let i = 0; i < 3; i++) await move(O.collect, f.id, staff.A, { code: 'WRONG9' });
      expect(await queued()).toEqual({ id: f.id, pickupLocked: true });
    };
    expect(await queued()).toEqual({ id: f.id, pickupLocked: false });
    expect((await move(UNLOCK, f.id, managerA.token)).refusal).toBe('INVALID_STATE'); // not locked
    await lock();
    expect((await move(UNLOCK, f.id, staff.A)).errors).toEqual(['FORBIDDEN']); // an associate of the store
    expect((await move(UNLOCK, f.id, managerB.token)).errors).toEqual(['FORBIDDEN']); // a manager elsewhere
    expect(await audits(f.id)).toEqual([]);
    const unlocked = await move(UNLOCK, f.id, managerA.token);
    expect([unlocked.refusal, unlocked.f]).toEqual([undefined, { id: f.id, status: 'READY_FOR_PICKUP', pickupLocked: false }]);
    expect(await queued()).toEqual({ id: f.id, pickupLocked: false });
    const entry = {
      action: 'PICKUP_UNLOCKED',
      subjectType: 'Fulfillment',
      subjectId: f.id,
      before: { pickupCodeFailures: 3 },
      after: { pickupCodeFailures: 0 },
    };
    expect(await audits(f.id)).toEqual([{ ...entry, staffId: managerA.id }]);
    expect((await move(UNLOCK, f.id, managerA.token)).refusal).toBe('INVALID_STATE'); // unlocked already: nothing recorded
    await lock();
    expect((await move(UNLOCK, f.id, admin)).f.pickupLocked).toBe(false);
    expect(await audits(f.id)).toEqual([
      { ...entry, staffId: managerA.id },
      { ...entry, staffId: adminId },
    ]);
    expect((await move(O.collect, f.id, staff.A, { code: f.pickupCode })).status).toBe('COLLECTED');
    expect((await move(UNLOCK, f.id, managerA.token)).refusal).toBe('INVALID_STATE');
  });

  it('an audit entry commits or rolls back with the change it records, and needs one', async () => {
    const log = t.app.get(AuditLog);
    const subjectId = randomUUID();
    const entry = { action: AuditAction.PICKUP_UNLOCKED, staffId: null, subjectType: 'Fulfillment', subjectId, before: null, after: null };
    await expect(
      t.app.get(TransactionHost).run(async () => {
        await log.record(entry);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await audits(subjectId)).toEqual([]);
    await expect(log.record(entry)).rejects.toThrow(/transaction/);
    expect(await audits(subjectId)).toEqual([]);
  });

  it('every stock change was recorded: levels equal their ledgers', async () => {
    expect(await unbalancedLevels(t)).toBe(0);
    const [{ types }] = await t.db.query(`SELECT array_agg(DISTINCT type ORDER BY type) AS types FROM stock_movement`);
    expect(types).toEqual(['ADJUSTMENT', 'COLLECTION', 'IN_TRANSIT', 'RELEASE', 'RESERVATION', 'SHIPMENT', 'TRANSFER_IN']);
  });
});
