import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff, unique } from './support/factories.js';
import { addLines, delivery, O, ADDRESS, Q, registerShopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The channel is part of who is calling (issue 19, finding 2): a guest sending `x-channel: STORE` used to
 * get a STORE-only 50% code and an order counted as a store sale.
 */
describe('x-channel STORE needs a staff token', () => {
  let t: TestApp;
  let admin: string;
  let v: { id: string; sku: string };
  let code: string;

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    const store = await createLocation(t, admin, { shipsOrders: true }); // it sends the delivered order below
    v = (await createProduct(t, admin, { sizes: ['U'], price: 10000 })).variants[0];
    await adjust(t, admin, store.id, v.sku, 5);
    code = unique('STAFF50');
    await t.gql(Q.promotionCreate, { input: { code, percentOff: 50, channels: ['STORE'] } }, { token: admin });
  });
  afterAll(() => t?.close());

  it('a guest or a customer claiming STORE is refused with 403 FORBIDDEN, and nothing is created', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM cart`);
    const guest = await t.gql(Q.cartCreate, {}, { channel: 'STORE' });
    expect([guest.status, codes(guest)]).toEqual([403, ['FORBIDDEN']]);
    const alice = await registerShopper(t);
    const customer = await t.gql(Q.me, {}, { token: alice.token, channel: 'store' });
    expect([customer.status, codes(customer)]).toEqual([403, ['FORBIDDEN']]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM cart`)).toEqual(before);
  });

  it('so a shopper cannot reach a STORE-only code or book a store sale; staff can', async () => {
    const cart = (await t.gql(Q.cartCreate, {}, { channel: 'WEB' })).data.cartCreate.cart;
    await addLines(t, cart.id, [delivery(v.id)]);
    const refused = await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [code] }, { channel: 'APP' });
    expect(refused.data.cartDiscountCodesUpdate.userErrors[0].code).toBe('DISCOUNT_NOT_APPLICABLE');
    const staff = await createStaff(t, admin, 'ADMIN', null);
    const applied = await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [code] }, { token: staff.token, channel: 'STORE' });
    expect(applied.data.cartDiscountCodesUpdate.userErrors).toEqual([]);
    const order = await t.gql(
      O.checkout,
      { input: { cartId: cart.id, idempotencyKey: randomUUID(), contact: { email: 'walk-in@test.example' }, shippingAddress: ADDRESS } },
      { token: staff.token },
    );
    expect(order.data.checkout.order).toMatchObject({ channel: 'STORE', total: { amount: 5000 } });
  });
});
