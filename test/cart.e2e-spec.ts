import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { addLines, delivery, guestCart, pickup, Q, registerShopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

describe('carts: one cart across web, app and store', () => {
  let t: TestApp;
  let admin: string;
  let store: { id: string };
  let warehouse: { id: string };
  let associate: string;
  let v: { id: string; sku: string }[];
  let other: { id: string; sku: string }[];

  beforeAll(async () => {
    t = await startTestApp({ CART_MAX_LINE_QUANTITY: '5' });
    admin = await adminToken(t);
    store = await createLocation(t, admin);
    warehouse = await createLocation(t, admin, { type: 'WAREHOUSE', pickupHold: undefined });
    associate = (await createStaff(t, admin, 'ASSOCIATE', store.id)).token;
    v = (await createProduct(t, admin, { price: 5900 })).variants;
    other = (await createProduct(t, admin, { price: 12900 })).variants;
  });
  afterAll(() => t?.close());

  const skus = (cart: { lines: { variant: { sku: string }; quantity: number }[] }) => cart.lines.map((l) => [l.variant.sku, l.quantity]);

  it("a guest cart records each line's channel and fulfilment, and prices it from the catalogue", async () => {
    const cart = await guestCart(t, 'WEB');
    await addLines(t, cart.id, [delivery(v[0].id)], { channel: 'WEB' });
    const after = await addLines(t, cart.id, [pickup(v[1].id, store.id, 2)], { channel: 'APP' });
    expect(after.lines.map((l: { addedVia: string; fulfillment: unknown }) => [l.addedVia, l.fulfillment])).toEqual([
      ['WEB', { type: 'DELIVERY', location: null }],
      ['APP', { type: 'PICKUP', location: { id: store.id } }],
    ]);
    expect(after.cost).toEqual({
      subtotal: { amount: 3 * 5900, currency: 'EUR' },
      discount: { amount: 0, currency: 'EUR' },
      total: { amount: 3 * 5900, currency: 'EUR' },
    });
    // The same variant with the same fulfilment adds to its line; another fulfilment is another line.
    const again = await addLines(t, cart.id, [delivery(v[0].id, 2), pickup(v[0].id, store.id)]);
    expect(skus(again)).toEqual([
      [v[0].sku, 3],
      [v[1].sku, 2],
      [v[0].sku, 1],
    ]);
    // A price change shows at once.
    await t.db.query(`UPDATE product_variant SET price_amount = 1000 WHERE id = $1`, [v[1].id]);
    const read = await t.gql(Q.cart, { id: cart.id });
    expect(read.data.cart.cost.subtotal.amount).toBe(4 * 5900 + 2 * 1000);
    await t.db.query(`UPDATE product_variant SET price_amount = 5900 WHERE id = $1`, [v[1].id]);
  });

  it('updates and removes lines, keeping the order lines were first added in', async () => {
    const cart = await guestCart(t);
    const c = await addLines(t, cart.id, [delivery(v[0].id), delivery(v[1].id), delivery(v[2].id)]);
    const upd = await t.gql(Q.cartLinesUpdate, { cartId: cart.id, lines: [{ id: c.lines[1].id, quantity: 4 }] });
    expect(skus(upd.data.cartLinesUpdate.cart)).toEqual([
      [v[0].sku, 1],
      [v[1].sku, 4],
      [v[2].sku, 1],
    ]);
    const rem = await t.gql(Q.cartLinesRemove, { cartId: cart.id, lineIds: [c.lines[0].id] });
    expect(skus(rem.data.cartLinesRemove.cart)).toEqual([
      [v[1].sku, 4],
      [v[2].sku, 1],
    ]);
    const gone = await t.gql(Q.cartLinesRemove, { cartId: cart.id, lineIds: [c.lines[0].id] });
    expect(gone.data.cartLinesRemove.userErrors[0].code).toBe('UNKNOWN_CART_LINE');
  });

  describe('refusals change nothing', () => {
    let cartId: string;
    beforeAll(async () => {
      cartId = (await guestCart(t)).id;
      await addLines(t, cartId, [delivery(v[0].id, 4)]);
    });
    const unchanged = async () => {
      const r = await t.gql(Q.cart, { id: cartId });
      expect(skus(r.data.cart)).toEqual([[v[0].sku, 4]]);
    };

    it.each([0, -1])('quantity %i is BAD_USER_INPUT', async (quantity) => {
      expect(codes(await t.gql(Q.cartLinesAdd, { cartId, lines: [delivery(v[1].id, quantity)] }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(Q.cartLinesUpdate, { cartId, lines: [{ id: '00000000-0000-4000-8000-000000000000', quantity }] }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      await unchanged();
    });

    it('over the maximum of one variant is INVALID_QUANTITY, also when adding to a line', async () => {
      const r = await t.gql(Q.cartLinesAdd, { cartId, lines: [delivery(v[1].id, 6)] });
      expect(r.data.cartLinesAdd.userErrors[0]).toMatchObject({ code: 'INVALID_QUANTITY', field: ['lines', '0', 'quantity'] });
      const more = await t.gql(Q.cartLinesAdd, { cartId, lines: [delivery(v[1].id, 1), delivery(v[0].id, 2)] });
      expect(more.data.cartLinesAdd.userErrors[0]).toMatchObject({ code: 'INVALID_QUANTITY', field: ['lines', '1', 'quantity'] });
      await unchanged(); // the first line of that call was rolled back too
    });

    it('an unknown variant is NOT_FOUND; a malformed id is BAD_USER_INPUT', async () => {
      expect(codes(await t.gql(Q.cartLinesAdd, { cartId, lines: [delivery('00000000-0000-4000-8000-000000000000')] }))).toEqual([
        'NOT_FOUND',
      ]);
      expect(codes(await t.gql(Q.cartLinesAdd, { cartId, lines: [delivery('nope')] }))).toEqual(['BAD_USER_INPUT']);
      await unchanged();
    });

    it('PICKUP needs a pickup store: not none, not a warehouse, not an unknown place', async () => {
      const none = await t.gql(Q.cartLinesAdd, { cartId, lines: [{ variantId: v[1].id, quantity: 1, fulfillment: { type: 'PICKUP' } }] });
      expect(none.data.cartLinesAdd.userErrors[0].code).toBe('LOCATION_REQUIRED');
      const wh = await t.gql(Q.cartLinesAdd, { cartId, lines: [pickup(v[1].id, warehouse.id)] });
      expect(wh.data.cartLinesAdd.userErrors[0].code).toBe('PICKUP_NOT_AVAILABLE');
      const unknown = await t.gql(Q.cartLinesAdd, { cartId, lines: [pickup(v[1].id, '00000000-0000-4000-8000-000000000000')] });
      expect(unknown.data.cartLinesAdd.userErrors[0].code).toBe('UNKNOWN_LOCATION');
      expect(
        codes(
          await t.gql(Q.cartLinesAdd, {
            cartId,
            lines: [{ variantId: v[1].id, quantity: 1, fulfillment: { type: 'SHIP_TO_STORE', locationId: store.id } }],
          }),
        ),
      ).toEqual(['BAD_USER_INPUT']);
      expect(
        codes(
          await t.gql(Q.cartLinesAdd, {
            cartId,
            lines: [{ variantId: v[1].id, quantity: 1, fulfillment: { type: 'DELIVERY', locationId: store.id } }],
          }),
        ),
      ).toEqual(['BAD_USER_INPUT']);
      await unchanged();
    });

    it('unknown fields, empty lists and unknown carts are refused', async () => {
      expect(codes(await t.gql(Q.cartLinesAdd, { cartId, lines: [{ ...delivery(v[1].id), price: 1 }] }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(Q.cartLinesAdd, { cartId, lines: [] }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(Q.cartLinesAdd, { cartId: '00000000-0000-4000-8000-000000000000', lines: [delivery(v[1].id)] }))).toEqual([
        'NOT_FOUND',
      ]);
      expect((await t.gql(Q.cart, { id: 'not-a-cart' })).data.cart).toBeNull();
      await unchanged();
    });
  });

  describe('customers', () => {
    it('register refuses a taken email (any case), a bad email and a bad phone', async () => {
      const s = await registerShopper(t);
      const dup = await t.gql(Q.register, { input: { email: s.email.toUpperCase(), password: 'Correct-Horse-1' } });
      expect(dup.data.register).toMatchObject({ token: null, userErrors: [{ code: 'DUPLICATE', field: ['email'] }] });
      expect(codes(await t.gql(Q.register, { input: { email: 'not-an-email', password: 'Correct-Horse-1' } }))).toEqual(['BAD_USER_INPUT']);
      expect(
        codes(await t.gql(Q.register, { input: { email: 'ok@test.example', password: 'Correct-Horse-1', phone: '0612345678' } })),
      ).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(Q.register, { input: { email: 'ok@test.example', password: 'short' } }))).toEqual(['BAD_USER_INPUT']);
    });

    it('login with the wrong password is INVALID_CREDENTIALS; a tampered token is UNAUTHENTICATED', async () => {
      const s = await registerShopper(t);
      const bad = await t.gql(Q.login, { input: { email: s.email, password: 'Wrong-Horse-1' } });
      expect(bad.data.login).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
      const ok = await t.gql(Q.login, { input: { email: s.email.toUpperCase(), password: s.password } });
      expect(ok.data.login.customer.id).toBe(s.id);
      const [head, body, sig] = ok.data.login.token.split('.');
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
      const forged = [
        head,
        Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url'),
        sig,
      ].join('.');
      const refused = await t.gql(Q.me, {}, { token: forged });
      expect([refused.status, codes(refused)]).toEqual([401, ['UNAUTHENTICATED']]);
      expect(codes(await t.gql(Q.me, {}, { token: 'garbage' }))).toEqual(['UNAUTHENTICATED']);
      expect((await t.gql(Q.me, {})).data.me).toBeNull();
    });

    it('one active cart per customer, the same from every channel', async () => {
      const s = await registerShopper(t);
      const web = await t.gql(Q.me, {}, { token: s.token, channel: 'WEB' });
      const app = await t.gql(Q.me, {}, { token: s.token, channel: 'APP' });
      expect(web.data.me.cart.id).toBe(app.data.me.cart.id);
      const created = await t.gql(Q.cartCreate, {}, { token: s.token });
      expect(created.data.cartCreate.cart.id).toBe(web.data.me.cart.id);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM cart WHERE customer_id = $1`, [s.id]);
      expect(n).toBe(1);
    });

    it('concurrent first reads still make one cart', async () => {
      const s = await registerShopper(t);
      const reads = await Promise.all(Array.from({ length: 8 }, () => t.gql(Q.me, {}, { token: s.token })));
      expect(new Set(reads.map((r) => r.data.me.cart.id)).size).toBe(1);
    });
  });

  describe('merging a guest cart at sign-in', () => {
    it('into no cart yet: the customer takes the guest cart over', async () => {
      const s = await registerShopper(t);
      const guest = await guestCart(t);
      await addLines(t, guest.id, [delivery(v[0].id)]);
      const r = await t.gql(Q.login, { input: { email: s.email, password: s.password, cartId: guest.id } });
      expect(r.data.login.userErrors).toEqual([]);
      const me = await t.gql(Q.me, {}, { token: r.data.login.token });
      expect(me.data.me.cart.id).toBe(guest.id);
      expect(skus(me.data.me.cart)).toEqual([[v[0].sku, 1]]);
    });

    it('into an empty cart, and with overlapping lines: quantities add (capped), order and channels kept, the guest cart closes', async () => {
      const s = await registerShopper(t);
      const mine = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
      await addLines(t, mine.id, [delivery(v[0].id, 3), pickup(v[1].id, store.id)], { token: s.token, channel: 'APP' });
      const guest = await guestCart(t);
      await addLines(t, guest.id, [delivery(v[2].id), delivery(v[0].id, 4), pickup(v[1].id, store.id, 2)], { channel: 'WEB' });
      const r = await t.gql(Q.login, { input: { email: s.email, password: s.password, cartId: guest.id } }, { channel: 'WEB' });
      const cart = (await t.gql(Q.me, {}, { token: r.data.login.token })).data.me.cart;
      expect(cart.id).toBe(mine.id);
      expect(
        cart.lines.map((l: { variant: { sku: string }; quantity: number; addedVia: string; fulfillment: { type: string } }) => [
          l.variant.sku,
          l.quantity,
          l.addedVia,
          l.fulfillment.type,
        ]),
      ).toEqual([
        [v[0].sku, 5, 'APP', 'DELIVERY'], // 3 + 4, capped at the maximum of 5
        [v[1].sku, 3, 'APP', 'PICKUP'],
        [v[2].sku, 1, 'WEB', 'DELIVERY'],
      ]);
      const closed = await t.gql(Q.cart, { id: guest.id });
      expect(closed.data.cart.status).toBe('MERGED');
      const refused = await t.gql(Q.cartLinesAdd, { cartId: guest.id, lines: [delivery(v[0].id)] });
      expect(refused.data.cartLinesAdd.userErrors[0].code).toBe('CART_NOT_ACTIVE');

      // Merging the same cart twice changes nothing.
      await t.gql(Q.login, { input: { email: s.email, password: s.password, cartId: guest.id } });
      const again = (await t.gql(Q.me, {}, { token: r.data.login.token })).data.me.cart;
      expect(skus(again)).toEqual(skus(cart));
    });

    it('into an empty existing cart; and register can bring a guest cart too', async () => {
      const s = await registerShopper(t);
      const empty = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
      const guest = await guestCart(t);
      await addLines(t, guest.id, [delivery(v[1].id, 2)]);
      await t.gql(Q.login, { input: { email: s.email, password: s.password, cartId: guest.id } });
      const cart = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
      expect([cart.id, skus(cart)]).toEqual([empty.id, [[v[1].sku, 2]]]);

      const guest2 = await guestCart(t);
      await addLines(t, guest2.id, [delivery(other[0].id)]);
      const fresh = await registerShopper(t, { cartId: guest2.id });
      expect((await t.gql(Q.me, {}, { token: fresh.token })).data.me.cart.id).toBe(guest2.id);
    });

    it('a guest cart in another currency is not merged: it stays as it was', async () => {
      const s = await registerShopper(t);
      const mine = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
      await addLines(t, mine.id, [delivery(v[0].id)], { token: s.token });
      const [gbp] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
      await t.db.query(`UPDATE product_variant SET price_currency = 'GBP' WHERE id = $1`, [gbp.id]);
      const guest = await guestCart(t);
      await addLines(t, guest.id, [delivery(gbp.id)]);
      await t.gql(Q.login, { input: { email: s.email, password: s.password, cartId: guest.id } });
      expect(skus((await t.gql(Q.me, {}, { token: s.token })).data.me.cart)).toEqual([[v[0].sku, 1]]);
      expect((await t.gql(Q.cart, { id: guest.id })).data.cart).toMatchObject({ status: 'ACTIVE', lines: [{ variant: { sku: gbp.sku } }] });
    });

    it("another customer's cart is never merged", async () => {
      const alice = await registerShopper(t);
      const bob = await registerShopper(t);
      const aliceCart = (await t.gql(Q.me, {}, { token: alice.token })).data.me.cart;
      await addLines(t, aliceCart.id, [delivery(v[0].id)], { token: alice.token });
      await t.gql(Q.login, { input: { email: bob.email, password: bob.password, cartId: aliceCart.id } });
      const bobCart = (await t.gql(Q.me, {}, { token: bob.token })).data.me.cart;
      expect(bobCart.lines).toEqual([]);
      expect((await t.gql(Q.me, {}, { token: alice.token })).data.me.cart.lines).toHaveLength(1);
    });
  });

  describe('who may touch a cart', () => {
    it('only its customer and staff; staff lines are recorded as STORE with the staff member', async () => {
      const alice = await registerShopper(t);
      const bob = await registerShopper(t);
      const cart = (await t.gql(Q.me, {}, { token: alice.token })).data.me.cart;
      expect(codes(await t.gql(Q.cartLinesAdd, { cartId: cart.id, lines: [delivery(v[0].id)] }, { token: bob.token }))).toEqual([
        'FORBIDDEN',
      ]);
      expect(codes(await t.gql(Q.cart, { id: cart.id }, { token: bob.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(Q.cartLinesAdd, { cartId: cart.id, lines: [delivery(v[0].id)] }))).toEqual(['UNAUTHENTICATED']);

      const found = await t.gql(Q.customerLookup, { query: alice.email.toUpperCase() }, { token: associate });
      expect(found.data.customerLookup.map((c: { id: string }) => c.id)).toEqual([alice.id]);
      const byPhone = await t.gql(
        Q.customerLookup,
        { query: alice.phone.replace(/^\+/, '00').replace(/(\d{2})(?=\d)/g, '$1 ') },
        { token: associate },
      );
      expect(byPhone.data.customerLookup.map((c: { id: string }) => c.id)).toEqual([alice.id]);
      const seen = await t.gql(Q.customer, { id: alice.id }, { token: associate });
      expect(seen.data.customer.cart.id).toBe(cart.id);
      await addLines(t, cart.id, [pickup(v[0].id, store.id)], { token: associate });
      const [line] = await t.db.query(`SELECT added_via, added_by_staff_id IS NOT NULL AS by_staff FROM cart_line WHERE cart_id = $1`, [
        cart.id,
      ]);
      expect(line).toEqual({ added_via: 'STORE', by_staff: true });
    });

    it('customer look-ups are for staff only', async () => {
      const alice = await registerShopper(t);
      expect(codes(await t.gql(Q.customerLookup, { query: alice.email }, { token: alice.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(Q.customerLookup, { query: alice.email }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(Q.customer, { id: alice.id }, { token: alice.token }))).toEqual(['FORBIDDEN']);
    });
  });

  describe('promotions', () => {
    const create = (input: Record<string, unknown>) => t.gql(Q.promotionCreate, { input }, { token: admin });
    const code = () => `P${Math.random().toString(36).slice(2, 10)}`;

    it('admins only; exactly one of percentOff and amountOff; codes unique in any case', async () => {
      const c = code();
      expect(codes(await t.gql(Q.promotionCreate, { input: { code: c, percentOff: 10 } }, { token: associate }))).toEqual(['FORBIDDEN']);
      expect(codes(await create({ code: c }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await create({ code: c, percentOff: 10, amountOff: { amount: 100, currency: 'EUR' } }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await create({ code: c, percentOff: 101 }))).toEqual(['BAD_USER_INPUT']);
      expect((await create({ code: c, percentOff: 10, channels: ['WEB'] })).data.promotionCreate.userErrors).toEqual([]);
      expect((await create({ code: c.toLowerCase(), percentOff: 5 })).data.promotionCreate.userErrors[0].code).toBe('DUPLICATE');
    });

    it('applies on its channels only, case-insensitively; refusals leave the codes as they were', async () => {
      const web = code();
      await create({ code: web, percentOff: 10, channels: ['WEB', 'STORE'] });
      const cart = await guestCart(t);
      await addLines(t, cart.id, [delivery(v[0].id, 2)]);
      const ok = await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [web.toLowerCase()] }, { channel: 'WEB' });
      expect(ok.data.cartDiscountCodesUpdate.cart.cost).toMatchObject({ discount: { amount: 1180 }, total: { amount: 11800 - 1180 } });
      expect(ok.data.cartDiscountCodesUpdate.cart.discountCodes).toEqual([web]);
      const app = await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [web] }, { channel: 'APP' });
      expect(app.data.cartDiscountCodesUpdate.userErrors[0]).toMatchObject({ code: 'DISCOUNT_NOT_APPLICABLE', field: ['codes', '0'] });
      const unknown = await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [web, 'NOSUCHCODE'] }, { channel: 'WEB' });
      expect(unknown.data.cartDiscountCodesUpdate.userErrors[0]).toMatchObject({ code: 'UNKNOWN_DISCOUNT_CODE', field: ['codes', '1'] });
      // Read from the app, the web-only code is shown but takes nothing.
      const fromApp = await t.gql(
        `query($id: ID!) { cart(id: $id) { discountCodes cost { discount { amount } } discounts { applicable reasonCode } } }`,
        { id: cart.id },
        { channel: 'APP' },
      );
      expect(fromApp.data.cart).toEqual({
        discountCodes: [web],
        cost: { discount: { amount: 0 } },
        discounts: [{ applicable: false, reasonCode: 'DISCOUNT_NOT_APPLICABLE' }],
      });
      const cleared = await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [] });
      expect(cleared.data.cartDiscountCodesUpdate.cart.discountCodes).toEqual([]);
    });

    it('refuses expired, not yet started, used-up and below-minimum codes with their own codes', async () => {
      const cart = await guestCart(t);
      await addLines(t, cart.id, [delivery(v[0].id)]);
      const expired = code();
      await t.db.query(
        `INSERT INTO promotion (code, percent_off, starts_at, ends_at) VALUES ($1, 10, now() - interval '2 days', now() - interval '1 day')`,
        [expired],
      );
      const future = code();
      await create({ code: future, percentOff: 10, startsAt: new Date(Date.now() + 86400e3).toISOString() });
      const usedUp = code();
      await t.db.query(`INSERT INTO promotion (code, percent_off, usage_limit, times_used) VALUES ($1, 10, 2, 2)`, [usedUp]);
      const min = code();
      await create({ code: min, amountOff: { amount: 500, currency: 'EUR' }, minSubtotal: { amount: 10000, currency: 'EUR' } });
      const refusal = async (c: string) =>
        (await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [c] })).data.cartDiscountCodesUpdate.userErrors[0]?.code;
      expect(await refusal(expired)).toBe('DISCOUNT_EXPIRED');
      expect(await refusal(future)).toBe('DISCOUNT_NOT_APPLICABLE');
      expect(await refusal(usedUp)).toBe('DISCOUNT_USED_UP');
      expect(await refusal(min)).toBe('DISCOUNT_NOT_APPLICABLE');
      await addLines(t, cart.id, [delivery(v[0].id)]);
      const applied = await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [min] });
      expect(applied.data.cartDiscountCodesUpdate.cart.cost.discount.amount).toBe(500);
    });
  });
});
