import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff, unique } from './support/factories.js';
import { ADDRESS, addLines, guestCart, O, pickup, Q } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const MONEY = 'amount currency';
const ORDER = `id status paymentStatus payments { method status authorized { ${MONEY} } captured { ${MONEY} } }
  fulfillments { id type status pickupCode amountDue { ${MONEY} } }`;
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { ${ORDER} } userErrors { code field message } } }`;
const READ = `query($id: ID!) { order(id: $id) { ${ORDER} } }`;
const PARTIAL = `mutation($id: ID!, $code: String!, $lines: [CollectLineInput!]!) {
  fulfillmentCollectPartial(id: $id, pickupCode: $code, lines: $lines) {
    fulfillment { id status pickupLocked lines { quantity collected variant { id sku } } } userErrors { code field message } } }`;
const LINES = `query($id: ID!) { order(id: $id) { fulfillments { id lines { quantity collected } } } }`;
const PICK = `query($l: ID!) { pickList(locationId: $l) { variant { id sku } quantity fulfillmentIds oldestOrderAt } }`;
const MOVES = `query($l: ID!, $s: String!) { stockMovements(locationId: $l, sku: $s, first: 10) { edges { node { type onHandDelta reservedDelta reason } } } }`;
const card = { method: 'CARD', token: 'tok_sandbox_ok' };

describe('fulfilment: collect partial (try on, take some) and the pick list', () => {
  let t: TestApp;
  let admin: string;
  let A: { id: string };
  let B: { id: string };
  let W: { id: string };
  let staff: Record<'A' | 'B' | 'W', string>;
  let v: { id: string; sku: string }[];

  const level = async (locationId: string, sku: string) => (await t.gql(O.level, { locationId, sku }, { token: admin })).data.stockLevel;
  async function placed(lines: unknown[], payment?: unknown, discountCode?: string) {
    const c = await guestCart(t);
    await addLines(t, c.id, lines);
    if (discountCode)
      expect(
        (await t.gql(Q.cartDiscountCodesUpdate, { cartId: c.id, codes: [discountCode] })).data.cartDiscountCodesUpdate.userErrors,
      ).toEqual([]);
    const r = await t.gql(CHECKOUT, {
      input: {
        cartId: c.id,
        idempotencyKey: randomUUID(),
        contact: { email: 'tryon@test.example' },
        shippingAddress: ADDRESS,
        ...(payment ? { payment } : {}),
      },
    });
    expect(r.data.checkout.userErrors).toEqual([]);
    return r.data.checkout.order;
  }
  const ready = async (id: string) =>
    expect((await t.gql(O.markReady, { id }, { token: staff.A })).data.fulfillmentMarkReady.userErrors).toEqual([]);
  const partial = (id: string, code: string, lines: { variantId: string; quantity: number }[], token = staff.A) =>
    t.gql(PARTIAL, { id, code, lines }, { token });
  const read = async (id: string) => (await t.gql(READ, { id }, { token: admin })).data.order;

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false', PICKUP_CODE_MAX_FAILURES: '3' });
    admin = await adminToken(t);
    A = await createLocation(t, admin);
    B = await createLocation(t, admin);
    W = await createLocation(t, admin, { type: 'WAREHOUSE', pickupHold: undefined });
    staff = {
      A: (await createStaff(t, admin, 'ASSOCIATE', A.id)).token,
      B: (await createStaff(t, admin, 'ASSOCIATE', B.id)).token,
      W: (await createStaff(t, admin, 'ASSOCIATE', W.id)).token,
    };
    v = (await createProduct(t, admin, { sizes: ['38', '39', '40', '41'], price: 5000 })).variants;
    for (const x of v.slice(0, 3)) await adjust(t, admin, A.id, x.sku, 20);
    await adjust(t, admin, W.id, v[3].sku, 20);
  });
  afterAll(() => t?.close());

  it('one line partly taken: the units taken leave, the rest are on sale at once, the card is captured for what was taken', async () => {
    const o = await placed([pickup(v[0].id, A.id, 3)], card);
    const f = o.fulfillments[0];
    await ready(f.id);
    const before = await level(A.id, v[0].sku);
    const r = await partial(f.id, f.pickupCode, [{ variantId: v[0].id, quantity: 1 }]);
    expect(r.data.fulfillmentCollectPartial.userErrors).toEqual([]);
    expect(r.data.fulfillmentCollectPartial.fulfillment).toMatchObject({ status: 'COLLECTED', lines: [{ quantity: 3, collected: 1 }] });
    expect(await level(A.id, v[0].sku)).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved - 3,
      available: before.available + 2,
    });
    const after = await read(o.id);
    expect([after.status, after.paymentStatus]).toEqual(['COMPLETED', 'PAID']);
    expect(after.payments[0]).toMatchObject({ status: 'PAID', authorized: { amount: 15000 }, captured: { amount: 5000 } });
    const [released] = await t.db.query(
      `SELECT SUM(amount)::int AS n FROM payment_transaction WHERE kind = 'RELEASE' AND fulfillment_id = $1`,
      [f.id],
    );
    expect(released.n).toBe(10000);
    const moves = (await t.gql(MOVES, { l: A.id, s: v[0].sku }, { token: staff.A })).data.stockMovements.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(moves.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { type: 'COLLECTION', onHandDelta: -1, reservedDelta: -1, reason: 'COLLECT' },
        { type: 'RELEASE', onHandDelta: 0, reservedDelta: -2, reason: 'LEFT_AT_COUNTER' },
      ]),
    );
  });

  it('two lines, one taken; paying at the counter records only what was taken', async () => {
    const o = await placed([pickup(v[1].id, A.id, 1), pickup(v[2].id, A.id, 1)], { method: 'PAY_AT_PICKUP' });
    const f = o.fulfillments[0];
    expect(f.amountDue.amount).toBe(10000);
    await ready(f.id);
    const [l1, l2] = [await level(A.id, v[1].sku), await level(A.id, v[2].sku)];
    const r = await partial(f.id, f.pickupCode, [
      { variantId: v[1].id, quantity: 0 },
      { variantId: v[2].id, quantity: 1 },
    ]);
    expect(r.data.fulfillmentCollectPartial.userErrors).toEqual([]);
    const bySku = Object.fromEntries(
      r.data.fulfillmentCollectPartial.fulfillment.lines.map((l: { variant: { sku: string }; collected: number }) => [
        l.variant.sku,
        l.collected,
      ]),
    );
    expect(bySku).toEqual({ [v[1].sku]: 0, [v[2].sku]: 1 });
    expect(await level(A.id, v[1].sku)).toEqual({ ...l1, reserved: l1.reserved - 1, available: l1.available + 1 });
    expect(await level(A.id, v[2].sku)).toEqual({ ...l2, onHand: l2.onHand - 1, reserved: l2.reserved - 1 });
    const after = await read(o.id);
    expect(after.paymentStatus).toBe('PAID');
    expect(after.payments[0]).toMatchObject({ method: 'PAY_AT_PICKUP', captured: { amount: 5000 } });
  });

  it('SHIP_TO_STORE: the units were held at the pickup store once received; what is left goes on sale there', async () => {
    const o = await placed([pickup(v[3].id, A.id, 2)], card);
    const f = o.fulfillments[0];
    expect(f.type).toBe('SHIP_TO_STORE');
    expect((await t.gql(O.ship, { id: f.id }, { token: staff.W })).data.fulfillmentShip.userErrors).toEqual([]);
    expect((await t.gql(O.receive, { id: f.id }, { token: staff.A })).data.fulfillmentReceive.userErrors).toEqual([]);
    const atA = await level(A.id, v[3].sku);
    expect(atA).toMatchObject({ onHand: 2, reserved: 2 });
    const r = await partial(f.id, f.pickupCode, [{ variantId: v[3].id, quantity: 1 }]);
    expect(r.data.fulfillmentCollectPartial.fulfillment.status).toBe('COLLECTED');
    expect(await level(A.id, v[3].sku)).toEqual({ onHand: 1, reserved: 0, available: 1 });
    expect((await read(o.id)).payments[0]).toMatchObject({ status: 'PAID', captured: { amount: 5000 } });
  });

  it('a full collect records every unit as collected; lines are null before', async () => {
    const o = await placed([pickup(v[0].id, A.id, 2)]);
    const f = o.fulfillments[0];
    expect((await t.gql(LINES, { id: o.id }, { token: admin })).data.order.fulfillments[0].lines).toEqual([
      { quantity: 2, collected: null },
    ]);
    await ready(f.id);
    expect((await t.gql(O.collect, { id: f.id, code: f.pickupCode }, { token: staff.A })).data.fulfillmentCollect.userErrors).toEqual([]);
    expect((await t.gql(LINES, { id: o.id }, { token: admin })).data.order.fulfillments[0].lines).toEqual([{ quantity: 2, collected: 2 }]);
  });

  it('refusals change nothing: too many, negative, unknown variant, none at all, other store, a wrong code (counted, then locked)', async () => {
    const o = await placed([pickup(v[0].id, A.id, 2)], card);
    const f = o.fulfillments[0];
    await ready(f.id);
    const before = await level(A.id, v[0].sku);
    const refusal = async (lines: { variantId: string; quantity: number }[], code = f.pickupCode) =>
      (await partial(f.id, code, lines)).data.fulfillmentCollectPartial.userErrors.map((e: { code: string }) => e.code);
    expect(await refusal([{ variantId: v[0].id, quantity: 3 }])).toEqual(['INVALID_QUANTITY']);
    expect(
      await refusal([
        { variantId: v[0].id, quantity: 2 },
        { variantId: v[0].id, quantity: 1 },
      ]),
    ).toEqual(['INVALID_QUANTITY']);
    expect(await refusal([{ variantId: v[0].id, quantity: -1 }])).toEqual(['INVALID_QUANTITY']);
    expect(await refusal([{ variantId: v[1].id, quantity: 1 }])).toEqual(['NOT_IN_FULFILLMENT']);
    expect(await refusal([{ variantId: 'not-a-variant', quantity: 1 }])).toEqual(['NOT_IN_FULFILLMENT']);
    expect(await refusal([{ variantId: v[0].id, quantity: 0 }])).toEqual(['NOTHING_COLLECTED']);
    expect(await refusal([])).toEqual(['NOTHING_COLLECTED']);
    expect(codes(await partial(f.id, f.pickupCode, [{ variantId: v[0].id, quantity: 1 }], staff.B))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(PARTIAL, { id: f.id, code: f.pickupCode, lines: [{ variantId: v[0].id, quantity: 1 }] }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await level(A.id, v[0].sku)).toEqual(before);
    const [{ failures }] = await t.db.query(`SELECT pickup_code_failures AS failures FROM fulfillment WHERE id = $1`, [f.id]);
    expect(failures).toBe(0); // a wrong list costs no try
    expect(await refusal([{ variantId: v[0].id, quantity: 1 }], 'WRONG1')).toEqual(['INVALID_PICKUP_CODE']);
    expect(await refusal([{ variantId: v[0].id, quantity: 1 }], 'WRONG2')).toEqual(['INVALID_PICKUP_CODE']);
    expect(await refusal([{ variantId: v[0].id, quantity: 1 }], 'WRONG3')).toEqual(['INVALID_PICKUP_CODE']);
    expect(await refusal([{ variantId: v[0].id, quantity: 1 }])).toEqual(['PICKUP_CODE_LOCKED']);
    expect(await level(A.id, v[0].sku)).toEqual(before);
    const after = await read(o.id);
    expect([after.fulfillments[0].status, after.paymentStatus, after.payments[0].captured.amount]).toEqual([
      'READY_FOR_PICKUP',
      'AUTHORIZED',
      0,
    ]);
  });

  it('with a discount, the units taken pay their share of it; taken and released add up to what was authorised', async () => {
    const code = unique('TRY');
    await t.gql(Q.promotionCreate, { input: { code, percentOff: 10 } }, { token: admin });
    const o = await placed([pickup(v[0].id, A.id, 3)], card, code);
    const f = o.fulfillments[0];
    expect(o.payments[0].authorized.amount).toBe(13500); // 3 × 5000 less 10 %
    await ready(f.id);
    expect((await partial(f.id, f.pickupCode, [{ variantId: v[0].id, quantity: 1 }])).data.fulfillmentCollectPartial.userErrors).toEqual(
      [],
    );
    const after = await read(o.id);
    expect(after.payments[0]).toMatchObject({ status: 'PAID', authorized: { amount: 13500 }, captured: { amount: 4500 } });
    const [released] = await t.db.query(
      `SELECT SUM(amount)::int AS n FROM payment_transaction WHERE kind = 'RELEASE' AND fulfillment_id = $1`,
      [f.id],
    );
    expect(released.n).toBe(9000);
  });

  it('two counters collecting the same pickup at once: exactly one wins, the stock and the card move once', async () => {
    const o = await placed([pickup(v[2].id, A.id, 2)], card);
    const f = o.fulfillments[0];
    await ready(f.id);
    const before = await level(A.id, v[2].sku);
    const answers = await Promise.all([
      partial(f.id, f.pickupCode, [{ variantId: v[2].id, quantity: 1 }]),
      partial(f.id, f.pickupCode, [{ variantId: v[2].id, quantity: 2 }]),
      t.gql(O.collect, { id: f.id, code: f.pickupCode }, { token: staff.A }),
    ]);
    const errs = answers.map((r) =>
      Object.values(r.data as Record<string, { userErrors: { code: string }[] }>)[0].userErrors.map((e) => e.code),
    );
    expect(errs.filter((e) => e.length === 0)).toHaveLength(1);
    expect(errs.filter((e) => e.length > 0)).toEqual([['INVALID_STATE'], ['INVALID_STATE']]);
    const took = (await t.gql(LINES, { id: o.id }, { token: admin })).data.order.fulfillments[0].lines[0].collected;
    expect(await level(A.id, v[2].sku)).toEqual({
      onHand: before.onHand - took,
      reserved: before.reserved - 2,
      available: before.available + 2 - took,
    });
    expect((await read(o.id)).payments[0].captured.amount).toBe(5000 * took);
  });

  it('a collected fulfilment cannot be collected again', async () => {
    const o = await placed([pickup(v[0].id, A.id, 2)]);
    const f = o.fulfillments[0];
    await ready(f.id);
    expect((await partial(f.id, f.pickupCode, [{ variantId: v[0].id, quantity: 1 }])).data.fulfillmentCollectPartial.userErrors).toEqual(
      [],
    );
    const again = await partial(f.id, f.pickupCode, [{ variantId: v[0].id, quantity: 1 }]);
    expect(again.data.fulfillmentCollectPartial.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
  });

  it('pickList: what a location must take from its shelf, by variant, the oldest order first; staff of that location and admins only', async () => {
    const shop = await createLocation(t, admin);
    const wh = await createLocation(t, admin, { type: 'WAREHOUSE', pickupHold: undefined });
    const whStaff = (await createStaff(t, admin, 'ASSOCIATE', wh.id)).token;
    const p = (await createProduct(t, admin, { sizes: ['S', 'M'], price: 3000 })).variants;
    for (const x of p) await adjust(t, admin, wh.id, x.sku, 20);
    await adjust(t, admin, shop.id, p[0].sku, 5);
    const first = await placed([{ variantId: p[1].id, quantity: 2, fulfillment: { type: 'DELIVERY' } }, pickup(p[0].id, shop.id, 1)]);
    const second = await placed([pickup(p[1].id, shop.id, 1)]); // no M at the shop: sent from the warehouse
    const third = await placed([{ variantId: p[0].id, quantity: 1, fulfillment: { type: 'DELIVERY' } }]);
    const fid = (o: { fulfillments: { id: string; type: string }[] }, type: string) => o.fulfillments.find((x) => x.type === type)!.id;
    const list = (await t.gql(PICK, { l: wh.id }, { token: whStaff })).data.pickList;
    expect(
      list.map((i: { variant: { sku: string }; quantity: number; fulfillmentIds: string[] }) => [
        i.variant.sku,
        i.quantity,
        i.fulfillmentIds,
      ]),
    ).toEqual([
      [p[1].sku, 3, [fid(first, 'DELIVERY'), fid(second, 'SHIP_TO_STORE')]],
      [p[0].sku, 1, [fid(third, 'DELIVERY')]],
    ]);
    expect(Date.parse(list[0].oldestOrderAt)).toBeLessThanOrEqual(Date.parse(list[1].oldestOrderAt));
    const shopList = (await t.gql(PICK, { l: shop.id }, { token: admin })).data.pickList;
    expect(shopList.map((i: { variant: { sku: string }; quantity: number }) => [i.variant.sku, i.quantity])).toEqual([[p[0].sku, 1]]);
    // Picked and ready, shipped: no longer on the list.
    const shopStaff = (await createStaff(t, admin, 'ASSOCIATE', shop.id)).token;
    expect((await t.gql(O.markReady, { id: fid(first, 'PICKUP') }, { token: shopStaff })).data.fulfillmentMarkReady.userErrors).toEqual([]);
    expect((await t.gql(PICK, { l: shop.id }, { token: shopStaff })).data.pickList).toEqual([]);
    expect((await t.gql(O.ship, { id: fid(third, 'DELIVERY') }, { token: whStaff })).data.fulfillmentShip.userErrors).toEqual([]);
    expect((await t.gql(PICK, { l: wh.id }, { token: whStaff })).data.pickList.map((i: { quantity: number }) => i.quantity)).toEqual([3]);
    expect(codes(await t.gql(PICK, { l: wh.id }, { token: staff.A }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(PICK, { l: wh.id }))).toEqual(['UNAUTHENTICATED']);
  });
});
