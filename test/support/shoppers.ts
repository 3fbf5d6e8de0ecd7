import { randomBytes } from 'node:crypto';
import { expect } from '@jest/globals';
import type { TestApp } from './test-app.js';

const E = 'userErrors { code field message }';
export const CART = `id status discountCodes
  lines { id quantity addedVia variant { id sku } fulfillment { type location { id } } }
  cost { subtotal { amount currency } discount { amount currency } total { amount currency } }`;

export const Q = {
  register: `mutation($input: RegisterInput!) { register(input: $input) { token customer { id email phone } ${E} } }`,
  login: `mutation($input: LoginInput!) { login(input: $input) { token customer { id } ${E} } }`,
  me: `query { me { id email cart { ${CART} } } }`,
  cart: `query($id: ID!) { cart(id: $id) { ${CART} } }`,
  cartCreate: `mutation { cartCreate { cart { ${CART} } ${E} } }`,
  cartLinesAdd: `mutation($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { cart { ${CART} } ${E} } }`,
  cartLinesUpdate: `mutation($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines) { cart { ${CART} } ${E} } }`,
  cartLinesRemove: `mutation($cartId: ID!, $lineIds: [ID!]!) { cartLinesRemove(cartId: $cartId, lineIds: $lineIds) { cart { ${CART} } ${E} } }`,
  cartDiscountCodesUpdate: `mutation($cartId: ID!, $codes: [String!]!) { cartDiscountCodesUpdate(cartId: $cartId, codes: $codes) { cart { ${CART} discounts { code amount { amount } applicable reasonCode } } ${E} } }`,
  promotionCreate: `mutation($input: PromotionCreateInput!) { promotionCreate(input: $input) { promotion { id code percentOff channels timesUsed } ${E} } }`,
  customerLookup: `query($query: String!) { customerLookup(query: $query) { id email } }`,
  customer: `query($id: ID!) { customer(id: $id) { id email cart { ${CART} } } }`,
};

export interface Shopper {
  id: string;
  email: string;
  phone: string;
  password: string;
  token: string;
}

export async function registerShopper(t: TestApp, over: { channel?: string; cartId?: string } = {}): Promise<Shopper> {
  const email = `shopper-${randomBytes(4).toString('hex')}@test.example`;
  const phone = `+336${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '0')}`;
  const password = 'Correct-Horse-1';
  const r = await t.gql(Q.register, { input: { email, password, name: 'Test Shopper', phone, cartId: over.cartId } }, { channel: over.channel });
  expect(r.errors).toBeUndefined();
  expect(r.data.register.userErrors).toEqual([]);
  return { id: r.data.register.customer.id, email, phone, password, token: r.data.register.token };
}

export async function guestCart(t: TestApp, channel = 'WEB'): Promise<{ id: string }> {
  const r = await t.gql(Q.cartCreate, {}, { channel });
  expect(r.errors).toBeUndefined();
  return r.data.cartCreate.cart;
}

export const delivery = (variantId: string, quantity = 1) => ({ variantId, quantity, fulfillment: { type: 'DELIVERY' } });
export const pickup = (variantId: string, locationId: string, quantity = 1) => ({ variantId, quantity, fulfillment: { type: 'PICKUP', locationId } });

/** Adds lines and insists it worked; returns the cart. */
export async function addLines(t: TestApp, cartId: string, lines: unknown[], opts: { token?: string; channel?: string } = {}) {
  const r = await t.gql(Q.cartLinesAdd, { cartId, lines }, opts);
  expect(r.errors).toBeUndefined();
  expect(r.data.cartLinesAdd.userErrors).toEqual([]);
  return r.data.cartLinesAdd.cart;
}
