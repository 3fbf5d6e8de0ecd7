import { randomBytes } from 'node:crypto';
import { expect } from '@jest/globals';
import type { AnyJson, TestApp } from './test-app.js';

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
  const r = await t.gql(
    Q.register,
    { input: { email, password, name: 'Test Shopper', phone, cartId: over.cartId } },
    { channel: over.channel },
  );
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
export const pickup = (variantId: string, locationId: string, quantity = 1) => ({
  variantId,
  quantity,
  fulfillment: { type: 'PICKUP', locationId },
});

/** Adds lines and insists it worked; returns the cart. */
export async function addLines(t: TestApp, cartId: string, lines: unknown[], opts: { token?: string; channel?: string } = {}) {
  const r = await t.gql(Q.cartLinesAdd, { cartId, lines }, opts);
  expect(r.errors).toBeUndefined();
  expect(r.data.cartLinesAdd.userErrors).toEqual([]);
  return r.data.cartLinesAdd.cart;
}

export const ORDER = `id number status channel total { amount currency } subtotal { amount } discount { amount }
  attributedLocation { id } placedBy { id }
  fulfillments { id type status sourceLocation { id } pickupLocation { id } pickupCode expiresAt lines { quantity variant { sku } } }
  notifications { channel template recipient status }`;

export const O = {
  checkout: `mutation($input: CheckoutInput!) { checkout(input: $input) { order { ${ORDER} } userErrors { code field message } } }`,
  order: `query($id: ID!) { order(id: $id) { ${ORDER} } }`,
  cancel: `mutation($id: ID!) { orderCancel(id: $id) { order { id status } userErrors { code field message } } }`,
  markReady: `mutation($id: ID!) { fulfillmentMarkReady(id: $id) { fulfillment { id status expiresAt } userErrors { code field message } } }`,
  ship: `mutation($id: ID!) { fulfillmentShip(id: $id) { fulfillment { id status } userErrors { code field message } } }`,
  receive: `mutation($id: ID!) { fulfillmentReceive(id: $id) { fulfillment { id status } userErrors { code field message } } }`,
  delivered: `mutation($id: ID!) { fulfillmentMarkDelivered(id: $id) { fulfillment { id status } userErrors { code field message } } }`,
  collect: `mutation($id: ID!, $code: String!) { fulfillmentCollect(id: $id, pickupCode: $code) { fulfillment { id status } userErrors { code field message } } }`,
  queue: `query($locationId: ID!) { pickupQueue(locationId: $locationId) { id status type order { id number } } }`,
  level: `query($locationId: ID!, $sku: String!) { stockLevel(locationId: $locationId, sku: $sku) { onHand reserved available } }`,
};

export const ADDRESS = { line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' };

/** Stock levels that disagree with the sums of their movements, and variant totals that disagree with their levels (should be none). */
export async function unbalancedLevels(t: TestApp): Promise<number> {
  const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM stock_level s
    LEFT JOIN (SELECT location_id, variant_id, SUM(on_hand_delta) AS oh, SUM(reserved_delta) AS rs, SUM(unsellable_delta) AS un,
                      SUM(safety_stock_delta) AS ss, SUM(incoming_delta) AS inc
               FROM stock_movement GROUP BY 1, 2) m USING (location_id, variant_id)
    WHERE s.on_hand <> COALESCE(m.oh, 0) OR s.reserved <> COALESCE(m.rs, 0) OR s.unsellable <> COALESCE(m.un, 0)
       OR s.safety_stock <> COALESCE(m.ss, 0) OR s.incoming <> COALESCE(m.inc, 0)`);
  return n + (await unbalancedTotals(t.db));
}

/** Variants whose variant_stock row disagrees with the sum of their stock levels (should be none). */
export async function unbalancedTotals(db: { query(sql: string): Promise<AnyJson> }): Promise<number> {
  const rows = await db.query(`SELECT count(*)::int AS n FROM product_variant v
    LEFT JOIN (SELECT variant_id, SUM(on_hand) AS oh, SUM(reserved) AS rs, SUM(available) AS av FROM stock_level GROUP BY 1) l ON l.variant_id = v.id
    LEFT JOIN variant_stock vs ON vs.variant_id = v.id
    WHERE COALESCE(vs.on_hand, 0) <> COALESCE(l.oh, 0) OR COALESCE(vs.reserved, 0) <> COALESCE(l.rs, 0)
       OR COALESCE(vs.available, 0) <> COALESCE(l.av, 0)`);
  return (rows.rows ?? rows)[0].n;
}
