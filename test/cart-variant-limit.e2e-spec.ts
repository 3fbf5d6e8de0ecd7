import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createLocation, createProduct } from './support/factories.js';
import { addLines, delivery, guestCart, pickup, Q, registerShopper } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Line = { id: string; quantity: number; variant: { sku: string }; fulfillment: { type: string; location: { id: string } | null } };

/**
 * CART_MAX_LINE_QUANTITY is the most units of one variant in one cart, across all its lines: delivered
 * and picked up at any number of stores. Per line, 5 delivered and 5 at each of two stores made 15.
 */
describe('the units of one variant a cart may hold', () => {
  let t: TestApp;
  let A: { id: string };
  let B: { id: string };
  let v: { id: string; sku: string }[];

  beforeAll(async () => {
    t = await startTestApp({ CART_MAX_LINE_QUANTITY: '5' });
    const admin = await adminToken(t);
    A = await createLocation(t, admin);
    B = await createLocation(t, admin);
    v = (await createProduct(t, admin, { sizes: ['S', 'M'] })).variants;
  });
  afterAll(() => t?.close());

  const linesOf = async (cartId: string): Promise<Line[]> => (await t.gql(Q.cart, { id: cartId })).data.cart.lines;
  const shape = (lines: Line[]) => lines.map((l) => [l.variant.sku, l.fulfillment.type, l.fulfillment.location?.id ?? null, l.quantity]);

  it('cartLinesAdd refuses units past the limit on another line of the same variant, naming the line; nothing changes', async () => {
    const cart = await guestCart(t);
    await addLines(t, cart.id, [delivery(v[0].id, 5)]);
    const r = await t.gql(Q.cartLinesAdd, { cartId: cart.id, lines: [delivery(v[1].id, 1), pickup(v[0].id, A.id, 1)] });
    expect(r.data.cartLinesAdd.userErrors).toEqual([
      { code: 'INVALID_QUANTITY', field: ['lines', '1', 'quantity'], message: expect.stringMatching(/5 units of one variant/) },
    ]);
    expect(shape(await linesOf(cart.id))).toEqual([[v[0].sku, 'DELIVERY', null, 5]]); // lines[0] was rolled back too

    // The lines of one call count together, whatever their fulfilment.
    const empty = await guestCart(t);
    const split = await t.gql(Q.cartLinesAdd, { cartId: empty.id, lines: [pickup(v[0].id, A.id, 3), pickup(v[0].id, B.id, 3)] });
    expect(split.data.cartLinesAdd.userErrors).toMatchObject([{ code: 'INVALID_QUANTITY', field: ['lines', '1', 'quantity'] }]);
    expect(await linesOf(empty.id)).toEqual([]);

    // Up to the limit is fine, spread over lines; other variants count on their own.
    await addLines(t, empty.id, [delivery(v[0].id, 2), pickup(v[0].id, A.id, 2), pickup(v[0].id, B.id, 1), delivery(v[1].id, 5)]);
  });

  it('cartLinesUpdate counts the cart as the call leaves it: refuses past the limit, naming the line; nothing changes', async () => {
    const cart = await guestCart(t);
    const [d, p] = (await addLines(t, cart.id, [delivery(v[0].id, 2), pickup(v[0].id, A.id, 2)])).lines;
    const r = await t.gql(Q.cartLinesUpdate, { cartId: cart.id, lines: [{ id: p.id, quantity: 4 }] });
    expect(r.data.cartLinesUpdate.userErrors).toMatchObject([{ code: 'INVALID_QUANTITY', field: ['lines', '0', 'quantity'] }]);
    expect(shape(await linesOf(cart.id))).toEqual([
      [v[0].sku, 'DELIVERY', null, 2],
      [v[0].sku, 'PICKUP', A.id, 2],
    ]);

    // Moving units from one line to another in one call is fine, in either order.
    const moved = await t.gql(Q.cartLinesUpdate, {
      cartId: cart.id,
      lines: [
        { id: p.id, quantity: 4 },
        { id: d.id, quantity: 1 },
      ],
    });
    expect(moved.data.cartLinesUpdate.userErrors).toEqual([]);
    expect(shape(moved.data.cartLinesUpdate.cart.lines)).toEqual([
      [v[0].sku, 'DELIVERY', null, 1],
      [v[0].sku, 'PICKUP', A.id, 4],
    ]);
  });

  it('two adds racing for the last units of a variant on different lines: exactly one wins', async () => {
    const cart = await guestCart(t);
    const results = await Promise.all(
      [A, B].map((store) => t.gql(Q.cartLinesAdd, { cartId: cart.id, lines: [pickup(v[0].id, store.id, 3)] })),
    );
    expect(results.map((r) => r.data.cartLinesAdd.userErrors.map((e: { code: string }) => e.code)).sort()).toEqual([
      [],
      ['INVALID_QUANTITY'],
    ]);
    expect((await linesOf(cart.id)).map((l) => l.quantity)).toEqual([3]);
  });

  it("a guest cart merged at sign-in brings only the units the limit leaves: the customer's own lines first, then the guest's in order", async () => {
    const s = await registerShopper(t);
    const mine = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
    await addLines(t, mine.id, [delivery(v[0].id, 3), pickup(v[0].id, A.id, 1)], { token: s.token });
    const guest = await guestCart(t);
    await addLines(t, guest.id, [pickup(v[0].id, B.id, 3), delivery(v[0].id, 2), delivery(v[1].id, 2)]);
    const login = await t.gql(Q.login, { input: { email: s.email, password: s.password, cartId: guest.id } });
    expect(login.data.login.userErrors).toEqual([]);
    const cart = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
    expect(cart.id).toBe(mine.id);
    expect(shape(cart.lines)).toEqual([
      [v[0].sku, 'DELIVERY', null, 3], // the customer's, as they were
      [v[0].sku, 'PICKUP', A.id, 1],
      [v[0].sku, 'PICKUP', B.id, 1], // 3 brought, 1 left under the limit of 5
      [v[1].sku, 'DELIVERY', null, 2], // nothing was left for the guest's 2 delivered v[0]; v[1] counts on its own
    ]);
    expect((await t.gql(Q.cart, { id: guest.id })).data.cart.status).toBe('MERGED');
  });
});
