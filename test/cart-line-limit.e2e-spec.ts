import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createProduct } from './support/factories.js';
import { addLines, delivery, guestCart, Q, registerShopper } from './support/shoppers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** CART_MAX_LINES bounds a cart however its lines arrive: added, or brought by a guest cart at sign-in. */
describe('the lines a cart may hold', () => {
  let t: TestApp;
  let v: { id: string; sku: string }[];

  beforeAll(async () => {
    t = await startTestApp({ CART_MAX_LINES: '3' });
    const admin = await adminToken(t);
    v = (await createProduct(t, admin, { sizes: ['XS', 'S', 'M', 'L', 'XL'] })).variants;
  });
  afterAll(() => t?.close());

  const lineSkus = async (token: string) =>
    (await t.gql(Q.me, {}, { token })).data.me.cart.lines.map((l: { variant: { sku: string } }) => l.variant.sku);

  it('cartLinesAdd refuses a line past the limit and keeps the cart as it was', async () => {
    const cart = await guestCart(t);
    await addLines(t, cart.id, [delivery(v[0].id), delivery(v[1].id), delivery(v[2].id)]);
    const r = await t.gql(Q.cartLinesAdd, { cartId: cart.id, lines: [delivery(v[3].id)] });
    expect(r.data.cartLinesAdd.userErrors.map((e: { code: string }) => e.code)).toEqual(['CART_LINE_LIMIT']);
    expect((await t.gql(Q.cart, { id: cart.id })).data.cart.lines).toHaveLength(3);
  });

  /** A shopper whose cart holds `mine`, signing in with a guest cart holding `theirs` (variant indexes). */
  const signInWithGuestCart = async (mine: number[], theirs: number[]) => {
    const s = await registerShopper(t);
    const cart = (await t.gql(Q.me, {}, { token: s.token })).data.me.cart;
    await addLines(
      t,
      cart.id,
      mine.map((i) => delivery(v[i].id)),
      { token: s.token },
    );
    const guest = await guestCart(t);
    await addLines(
      t,
      guest.id,
      theirs.map((i) => delivery(v[i].id)),
    );
    const login = await t.gql(Q.login, { input: { email: s.email, password: s.password, cartId: guest.id } });
    return { token: s.token, guestId: guest.id, login };
  };

  it("a guest cart whose lines would take the customer's cart past the limit is not merged: both stay as they were", async () => {
    const { token, guestId, login } = await signInWithGuestCart([0, 1], [2, 3]);
    expect(login.data.login.userErrors).toEqual([]); // signing in still works
    expect(await lineSkus(token)).toEqual([v[0].sku, v[1].sku]);
    expect((await t.gql(Q.cart, { id: guestId })).data.cart).toMatchObject({
      status: 'ACTIVE',
      lines: [{ variant: { sku: v[2].sku } }, { variant: { sku: v[3].sku } }],
    });
  });

  it('lines the carts share count once: a merge that ends at the limit goes through', async () => {
    const { token, guestId } = await signInWithGuestCart([0, 1], [1, 4]);
    expect(await lineSkus(token)).toEqual([v[0].sku, v[1].sku, v[4].sku]);
    expect((await t.gql(Q.cart, { id: guestId })).data.cart.status).toBe('MERGED');
  });
});
