import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, O, pickup, Q, registerShopper, type Shopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const OPTIONS = `query($sku: String!, $quantity: Int!, $destinationLocationId: ID!) { sourcingOptions(sku: $sku, quantity: $quantity, destinationLocationId: $destinationLocationId) {
  location { id code type } available distanceKm leadTime estimatedArrival } }`;
const ASSISTED = `mutation($input: AssistedOrderInput!) { assistedOrderCreate(input: $input) {
  order { id number channel status total { amount } attributedLocation { id } placedBy { id } fulfillments { type status sourceLocation { id } pickupLocation { id } pickupCode } }
  userErrors { code field message } } }`;
const VIEW = `query($id: ID!) { customer(id: $id) { id email phone cart { id } orders { id channel }
  stats { orders totalSpent { amount currency } averageBasket { amount } preferredChannel lastPurchaseAt } } }`;

describe('endless aisle: staff order a missing size from elsewhere', () => {
  let t: TestApp;
  let admin: string;
  let A: { id: string; code: string };
  let B: { id: string; code: string };
  let far: { id: string; code: string };
  let W: { id: string; code: string };
  let staffA: { id: string; token: string };
  let staffB: string;
  let v: { id: string; sku: string }[];
  let alice: Shopper;

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false', LEAD_TIME_BASE_HOURS: '24', LEAD_TIME_HOURS_PER_100_KM: '12' });
    admin = await adminToken(t);
    A = await createLocation(t, admin, { shipsOrders: true, geo: { lat: 48.8566, lng: 2.3522 } });
    B = await createLocation(t, admin, { shipsOrders: true, geo: { lat: 48.8966, lng: 2.3522 } }); // 4.4 km north
    far = await createLocation(t, admin, { shipsOrders: true, geo: { lat: 45.764, lng: 4.8357 } }); // Lyon, 391.5 km
    W = await createLocation(t, admin, { type: 'WAREHOUSE', geo: { lat: 48.73, lng: 2.36 }, pickupHold: undefined }); // 14 km
    staffA = await createStaff(t, admin, 'ASSOCIATE', A.id);
    staffB = (await createStaff(t, admin, 'ASSOCIATE', B.id)).token;
    v = (await createProduct(t, admin, { sizes: ['S', 'M', 'L'], price: 12900 })).variants;
    await adjust(t, admin, B.id, v[1].sku, 3);
    await adjust(t, admin, far.id, v[1].sku, 5);
    await adjust(t, admin, W.id, v[1].sku, 1);
    await adjust(t, admin, A.id, v[0].sku, 2);
    alice = await registerShopper(t);
  });
  afterAll(() => t?.close());

  it('lists the other locations that can supply, best first (warehouse, then nearest), with lead times', async () => {
    const one = (await t.gql(OPTIONS, { sku: v[1].sku, quantity: 1, destinationLocationId: A.id }, { token: staffA.token })).data
      .sourcingOptions;
    expect(one.map((o: { location: { id: string } }) => o.location.id)).toEqual([W.id, B.id, far.id]);
    expect(one.map((o: { available: number }) => o.available)).toEqual([1, 3, 5]);
    expect(one[1].distanceKm).toBeCloseTo(4.4, 0);
    // 24 h + 12 h per started 100 km: 14 km → 26 h, 4.4 km → 25 h, 391.5 km → 24 + ceil(46.98) = 71 h.
    expect(one.map((o: { leadTime: string }) => o.leadTime)).toEqual(['PT26H', 'PT25H', 'PT71H']);
    const hours = (Date.parse(one[2].estimatedArrival) - Date.now()) / 3600e3;
    expect(hours).toBeGreaterThan(70.9);
    expect(hours).toBeLessThanOrEqual(71);
    const three = (await t.gql(OPTIONS, { sku: v[1].sku, quantity: 3, destinationLocationId: A.id }, { token: staffA.token })).data
      .sourcingOptions;
    expect(three.map((o: { location: { id: string } }) => o.location.id)).toEqual([B.id, far.id]);
    expect(
      (await t.gql(OPTIONS, { sku: v[1].sku, quantity: 9, destinationLocationId: A.id }, { token: staffA.token })).data.sourcingOptions,
    ).toEqual([]);
    expect(codes(await t.gql(OPTIONS, { sku: v[1].sku, quantity: 1, destinationLocationId: A.id }, { token: alice.token }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await t.gql(OPTIONS, { sku: 'NOPE', quantity: 1, destinationLocationId: A.id }, { token: staffA.token }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql(OPTIONS, { sku: v[1].sku, quantity: 0, destinationLocationId: A.id }, { token: staffA.token }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  const assisted = (over: Record<string, unknown>, token = staffA.token) =>
    t.gql(
      ASSISTED,
      {
        input: {
          locationId: A.id,
          customerId: alice.id,
          idempotencyKey: randomUUID(),
          lines: [{ variantId: v[1].id, quantity: 1 }],
          delivery: { type: 'DELIVERY', address: ADDRESS },
          ...over,
        },
      },
      { token, channel: 'STORE' },
    );

  it('orders home delivery for a customer: STORE channel, counted for the store, placed by the staff member', async () => {
    const key = randomUUID();
    const r = await assisted({ idempotencyKey: key });
    expect(r.data.assistedOrderCreate.userErrors).toEqual([]);
    const o = r.data.assistedOrderCreate.order;
    expect([o.channel, o.attributedLocation.id, o.placedBy.id, o.total.amount]).toEqual(['STORE', A.id, staffA.id, 12900]);
    expect(o.fulfillments).toEqual([expect.objectContaining({ type: 'DELIVERY', status: 'ALLOCATED', sourceLocation: { id: W.id } })]);
    const again = await assisted({ idempotencyKey: key });
    expect(again.data.assistedOrderCreate.order.id).toBe(o.id);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM customer_order WHERE idempotency_key = $1`, [key]);
    expect(n).toBe(1);
    const mine = await t.gql(`query { me { orders { id channel } } }`, {}, { token: alice.token, channel: 'APP' });
    expect(mine.data.me.orders).toContainEqual({ id: o.id, channel: 'STORE' });
  });

  it("or sends it to this store for pickup (SHIP_TO_STORE), or takes it from this store's shelf (PICKUP)", async () => {
    const sent = await assisted({ delivery: { type: 'PICKUP', locationId: A.id } });
    const f = sent.data.assistedOrderCreate.order.fulfillments;
    expect(
      f.map((x: { type: string; sourceLocation: { id: string }; pickupLocation: { id: string } }) => [
        x.type,
        x.sourceLocation.id,
        x.pickupLocation.id,
      ]),
    ).toEqual([['SHIP_TO_STORE', B.id, A.id]]);
    expect(f[0].pickupCode).toBeNull(); // staff never see it; the customer gets it
    const shelf = await assisted({ lines: [{ variantId: v[0].id, quantity: 1 }], delivery: { type: 'PICKUP', locationId: A.id } });
    expect(shelf.data.assistedOrderCreate.order.fulfillments.map((x: { type: string }) => x.type)).toEqual(['PICKUP']);
  });

  it("refuses another store's order, unknown customers and variants, and what nobody has", async () => {
    expect(codes(await assisted({}, staffB))).toEqual(['FORBIDDEN']);
    expect(codes(await assisted({}, alice.token))).toEqual(['FORBIDDEN']);
    expect((await assisted({ customerId: randomUUID() })).data.assistedOrderCreate.userErrors[0].code).toBe('UNKNOWN_CUSTOMER');
    expect(codes(await assisted({ lines: [{ variantId: randomUUID(), quantity: 1 }] }))).toEqual(['NOT_FOUND']);
    const none = await assisted({ lines: [{ variantId: v[2].id, quantity: 1 }] });
    expect(none.data.assistedOrderCreate.userErrors[0]).toMatchObject({ code: 'OUT_OF_STOCK', field: ['lines', '0'] });
    expect((await assisted({ delivery: { type: 'DELIVERY' } })).data.assistedOrderCreate.userErrors[0].code).toBe('ADDRESS_REQUIRED');
    expect((await assisted({ delivery: { type: 'PICKUP', locationId: W.id } })).data.assistedOrderCreate.userErrors[0].code).toBe(
      'PICKUP_NOT_AVAILABLE',
    );
    expect((await assisted({ customerId: undefined })).data.assistedOrderCreate.userErrors[0].code).toBe('CONTACT_REQUIRED');
    const guest = await assisted({ customerId: undefined, contact: { email: 'walk-in@test.example' } });
    expect(guest.data.assistedOrderCreate.userErrors).toEqual([]);
  });

  it("staff can check out the customer's own cart from the tablet; only an assisted order counts for their store", async () => {
    const bob = await registerShopper(t);
    const cart = (await t.gql(Q.me, {}, { token: bob.token, channel: 'WEB' })).data.me.cart;
    await addLines(t, cart.id, [pickup(v[0].id, A.id)], { token: bob.token });
    const r = await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: randomUUID() } }, { token: staffA.token });
    const o = r.data.checkout.order;
    expect([o.channel, o.attributedLocation, o.placedBy.id]).toEqual(['STORE', null, staffA.id]);
    expect(o.fulfillments[0].pickupCode).toBeNull();
    const seen = (await t.gql(O.order, { id: o.id }, { token: bob.token })).data.order;
    expect(seen.fulfillments[0].pickupCode).toMatch(/^[A-Z0-9]{6}$/);
  });

  it('the single customer view: contact, cart, orders from every channel and their figures', async () => {
    const view = (await t.gql(VIEW, { id: alice.id }, { token: staffB })).data.customer;
    expect(view).toMatchObject({ email: alice.email, phone: alice.phone });
    expect(view.cart.id).toEqual(expect.any(String));
    expect(view.orders.length).toBe(3);
    expect(view.stats).toMatchObject({
      orders: 3,
      totalSpent: { amount: 3 * 12900, currency: 'EUR' },
      averageBasket: { amount: 12900 },
      preferredChannel: 'STORE',
    });
    expect(codes(await t.gql(VIEW, { id: alice.id }, { token: alice.token }))).toEqual(['FORBIDDEN']);
    const own = await t.gql(`query { me { stats { orders } } }`, {}, { token: alice.token });
    expect(own.data.me.stats.orders).toBe(3);
  });

  // Issue 19: a contact typed by staff must not receive a customer's pickup code, nor a checkout credit the typist's store.
  const attacker = { email: 'attacker@test.example', phone: '+33699999999', name: 'Not The Customer' };
  const recipients = (o: { notifications: { template: string; channel: string; recipient: string }[] }, template: string) =>
    o.notifications.filter((n) => n.template === template).map((n) => [n.channel, n.recipient]);

  it("staff elsewhere checking out a customer's cart cannot redirect its messages or credit their own store", async () => {
    await adjust(t, admin, A.id, v[0].sku, 1);
    const lyon = await createStaff(t, admin, 'ASSOCIATE', far.id);
    const bob = await registerShopper(t);
    const cart = (await t.gql(Q.me, {}, { token: bob.token })).data.me.cart;
    await addLines(t, cart.id, [pickup(v[0].id, A.id)], { token: bob.token });
    const input = { cartId: cart.id, idempotencyKey: randomUUID(), contact: attacker };
    const r = await t.gql(O.checkout, { input }, { token: lyon.token });
    expect(r.data.checkout.userErrors).toEqual([]);
    const o = r.data.checkout.order;
    expect([o.attributedLocation, o.placedBy.id]).toEqual([null, lyon.id]);
    expect(recipients(o, 'ORDER_CONFIRMED')).toEqual([
      ['EMAIL', bob.email],
      ['SMS', bob.phone],
    ]);
    const [row] = await t.db.query(
      `SELECT contact_email AS email, contact_phone AS phone, contact_name AS name FROM customer_order WHERE id = $1`,
      [o.id],
    );
    expect(row).toEqual({ email: bob.email, phone: bob.phone, name: 'Test Shopper' });
    // The message that carries the pickup code goes to the account too.
    expect((await t.gql(O.markReady, { id: o.fulfillments[0].id }, { token: staffA.token })).data.fulfillmentMarkReady.userErrors).toEqual(
      [],
    );
    const seen = (await t.gql(O.order, { id: o.id }, { token: bob.token })).data.order;
    expect(recipients(seen, 'READY_FOR_PICKUP')).toEqual([
      ['EMAIL', bob.email],
      ['SMS', bob.phone],
    ]);
    expect(seen.notifications.filter((n: { recipient: string }) => [attacker.email, attacker.phone].includes(n.recipient))).toEqual([]);
    // Its retry still answers the staff member who placed it, though the order does not involve their store.
    const again = await t.gql(O.checkout, { input }, { token: lyon.token });
    expect(again.data.checkout.order?.id).toBe(o.id);
  });

  it("an assisted order for a customer goes to the account's contact and counts for the store placing it; a walk-in's contact is used as given", async () => {
    const carol = await registerShopper(t);
    const r = await assisted({ customerId: carol.id, contact: attacker });
    const o = r.data.assistedOrderCreate.order;
    expect([o.attributedLocation.id, o.placedBy.id]).toEqual([A.id, staffA.id]);
    const [row] = await t.db.query(`SELECT contact_email AS email, contact_phone AS phone FROM customer_order WHERE id = $1`, [o.id]);
    expect(row).toEqual({ email: carol.email, phone: carol.phone });
    const walkIn = (await assisted({ customerId: undefined, contact: attacker })).data.assistedOrderCreate.order;
    const [guest] = await t.db.query(
      `SELECT contact_email AS email, contact_phone AS phone, contact_name AS name FROM customer_order WHERE id = $1`,
      [walkIn.id],
    );
    expect(guest).toEqual({ email: attacker.email, phone: attacker.phone, name: attacker.name });
    // An account without a phone or name: the name given fills in, a phone typed at the till does not (texts carry the code).
    const dave = (await t.gql(Q.register, { input: { email: `dave-${randomUUID()}@test.example`, password: 'Correct-Horse-1' } })).data
      .register.customer;
    const forDave = (await assisted({ customerId: dave.id, contact: attacker })).data.assistedOrderCreate.order;
    const [bare] = await t.db.query(
      `SELECT contact_email AS email, contact_phone AS phone, contact_name AS name FROM customer_order WHERE id = $1`,
      [forDave.id],
    );
    expect(bare).toEqual({ email: dave.email, phone: null, name: attacker.name });
  });
});
