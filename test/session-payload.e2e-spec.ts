import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createProduct } from './support/factories.js';
import { addLines, delivery, guestCart, Q, registerShopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const E = 'userErrors { code field message }';
const PAYLOAD = `token customer { id cart { id lines { quantity variant { sku } } } } ${E}`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { ${PAYLOAD} } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { ${PAYLOAD} } }`;

/**
 * The customer a successful register or login returns is readable as that customer inside the payload
 * (`customer { cart }`), although the request itself was made as a guest; nothing else in the request is.
 */
describe("register and login payloads read the signed-in customer's cart", () => {
  let t: TestApp;
  let v: { id: string; sku: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    v = (await createProduct(t, await adminToken(t))).variants;
  });
  afterAll(() => t?.close());

  const meCart = async (token: string) => (await t.gql(Q.me, {}, { token })).data.me.cart;

  it("register: the new customer's cart, the guest cart it brought", async () => {
    const guest = await guestCart(t);
    await addLines(t, guest.id, [delivery(v[0].id, 2)]);
    const email = `shopper-${randomBytes(4).toString('hex')}@test.example`;
    const r = await t.gql(REGISTER, { input: { email, password: 'Correct-Horse-1', cartId: guest.id } });
    expect(r.errors).toBeUndefined();
    expect(r.data.register.customer.cart).toEqual({ id: guest.id, lines: [{ quantity: 2, variant: { sku: v[0].sku } }] });
    expect((await meCart(r.data.register.token)).id).toBe(guest.id);

    // Without a guest cart: the one active cart, created on first use, the same one `me` reads.
    const bare = await t.gql(REGISTER, {
      input: { email: `shopper-${randomBytes(4).toString('hex')}@test.example`, password: 'Correct-Horse-1' },
    });
    expect(bare.errors).toBeUndefined();
    expect(bare.data.register.customer.cart.lines).toEqual([]);
    expect((await meCart(bare.data.register.token)).id).toBe(bare.data.register.customer.cart.id);
  });

  it("login: the customer's cart with the guest cart merged in", async () => {
    const s = await registerShopper(t);
    const mine = await meCart(s.token);
    await addLines(t, mine.id, [delivery(v[0].id)], { token: s.token });
    const guest = await guestCart(t);
    await addLines(t, guest.id, [delivery(v[1].id, 3)]);
    const r = await t.gql(LOGIN, { input: { email: s.email, password: s.password, cartId: guest.id } });
    expect(r.errors).toBeUndefined();
    expect(r.data.login.customer).toEqual({
      id: s.id,
      cart: {
        id: mine.id,
        lines: [
          { quantity: 1, variant: { sku: v[0].sku } },
          { quantity: 3, variant: { sku: v[1].sku } },
        ],
      },
    });
  });

  it("only inside that payload: the request's caller stays who it was, and other customers' carts stay closed", async () => {
    const alice = await registerShopper(t);
    const bob = await registerShopper(t);
    const aliceCart = await meCart(alice.token);

    // In the same operation, after login: the next mutation still runs as the guest who sent it.
    const both = await t.gql(
      `mutation($input: LoginInput!, $cartId: ID!, $lines: [CartLineInput!]!) {
      a: login(input: $input) { token customer { cart { id } } }
      b: cartLinesAdd(cartId: $cartId, lines: $lines) { userErrors { code } } }`,
      { input: { email: alice.email, password: alice.password }, cartId: aliceCart.id, lines: [delivery(v[0].id)] },
    );
    expect((both.errors ?? []).map((e) => [e.extensions?.code, (e as { path?: string[] }).path])).toEqual([['UNAUTHENTICATED', ['b']]]);
    expect((await meCart(alice.token)).lines).toEqual([]);

    // A failed login shows no customer; bob, signed in, still cannot read or change alice's cart.
    const wrong = await t.gql(LOGIN, { input: { email: alice.email, password: 'Wrong-Horse-1' } }, { token: bob.token });
    expect(wrong.data.login).toEqual({
      token: null,
      customer: null,
      userErrors: [expect.objectContaining({ code: 'INVALID_CREDENTIALS' })],
    });
    expect(codes(await t.gql(Q.cart, { id: aliceCart.id }, { token: bob.token }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(Q.cartLinesAdd, { cartId: aliceCart.id, lines: [delivery(v[0].id)] }, { token: bob.token }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await t.gql(Q.cart, { id: aliceCart.id }))).toEqual(['UNAUTHENTICATED']);
  });
});
