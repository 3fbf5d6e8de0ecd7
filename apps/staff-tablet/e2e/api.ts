// The tests' own calls to the API: what customers and other staff do on their side while the tablet watches.
export const BASE = `http://127.0.0.1:${process.env.STAFF_E2E_PORT ?? 3199}`;
export const PASSWORD = 'demo-password-1';
export const ASSOCIATE = 'associate.marais@example.com';
export const MANAGER = 'manager.marais@example.com';

interface Answer<T> {
  data: T;
  errors?: { message: string }[];
}

// The answers are read by their shape and checked by the tests' assertions, as in test/ (no-unsafe-* off for both).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function gql<T = Record<string, any>>(query: string, variables: object = {}, token?: string, channel = 'WEB'): Promise<T> {
  const res = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-channel': token ? 'STORE' : channel,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Answer<T>;
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function staffToken(email: string): Promise<{ token: string; locationId: string; geo: { lat: number; lng: number } }> {
  const d = await gql(
    `mutation ($input: StaffLoginInput!) { staffLogin(input: $input) { token staff { location { id geo { lat lng } } } userErrors { code } } }`,
    { input: { email, password: PASSWORD } },
  );
  return { token: d.staffLogin.token, locationId: d.staffLogin.staff.location.id, geo: d.staffLogin.staff.location.geo };
}

export async function adminToken(): Promise<string> {
  const d = await gql(`mutation ($input: StaffLoginInput!) { staffLogin(input: $input) { token } }`, {
    input: { email: 'demo.admin@example.com', password: PASSWORD },
  });
  return d.staffLogin.token as string;
}

export interface Sellable {
  variantId: string;
  sku: string;
  productName: string;
  size: string;
  colour: string;
}

/** Sizes with at least `min` units free at the store, from the first products on sale there. */
export async function sellableAt(locationId: string, token: string, count: number, min = 1): Promise<Sellable[]> {
  const d = await gql(
    `query ($at: ID!) { products(first: 30, filter: { availableAt: $at }) { edges { node { name variants { id sku size colour } } } } }`,
    { at: locationId },
  );
  const found: Sellable[] = [];
  for (const { node } of d.products.edges) {
    for (const v of node.variants) {
      const level = await gql(
        `query ($l: ID!, $s: String!) { stockLevel(locationId: $l, sku: $s) { available } }`,
        { l: locationId, s: v.sku },
        token,
      );
      if ((level.stockLevel?.available ?? 0) >= min)
        found.push({ variantId: v.id, sku: v.sku, productName: node.name, size: v.size, colour: v.colour });
      if (found.length === count) return found;
    }
  }
  throw new Error(`only ${found.length} sizes with stock at ${locationId}`);
}

/** A guest's web order of one unit of each size, picked up at the store: its number, pickup code and fulfilment id. */
export async function webPickupOrder(locationId: string, items: Sellable[], email = 'shopper@example.com') {
  const cart = await gql(`mutation { cartCreate { cart { id } } }`);
  const cartId = cart.cartCreate.cart.id;
  await gql(`mutation ($c: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $c, lines: $lines) { userErrors { code } } }`, {
    c: cartId,
    lines: items.map((i) => ({ variantId: i.variantId, quantity: 1, fulfillment: { type: 'PICKUP', locationId } })),
  });
  const d = await gql(
    `mutation ($input: CheckoutInput!) { checkout(input: $input) { order { id number fulfillments { id type pickupCode } } userErrors { code } } }`,
    { input: { cartId, idempotencyKey: crypto.randomUUID(), contact: { email } } },
  );
  const order = d.checkout.order;
  if (!order) throw new Error(`checkout refused: ${JSON.stringify(d.checkout.userErrors)}`);
  const pickup = order.fulfillments.find((f: { type: string }) => f.type === 'PICKUP');
  return {
    number: order.number as string,
    orderId: order.id as string,
    fulfillmentId: pickup.id as string,
    pickupCode: pickup.pickupCode as string,
  };
}

/** Two sizes of one product at the same price, each with `min` units free at the store (an exchange swaps one for the other). */
export async function twoSizesAt(locationId: string, token: string, min = 1): Promise<[Sellable, Sellable]> {
  const d = await gql(
    `query ($at: ID!) { products(first: 30, filter: { availableAt: $at }) { edges { node { name variants { id sku size colour price { amount } } } } } }`,
    { at: locationId },
  );
  for (const { node } of d.products.edges) {
    const free: (Sellable & { price: number })[] = [];
    for (const v of node.variants) {
      const level = await gql(
        `query ($l: ID!, $s: String!) { stockLevel(locationId: $l, sku: $s) { available } }`,
        { l: locationId, s: v.sku },
        token,
      );
      if ((level.stockLevel?.available ?? 0) >= min)
        free.push({ variantId: v.id, sku: v.sku, productName: node.name, size: v.size, colour: v.colour, price: v.price.amount });
    }
    for (const a of free) {
      const b = free.find((x) => x.sku !== a.sku && x.price === a.price && x.size !== a.size);
      if (b) return [a, b];
    }
  }
  throw new Error(`no product with two sizes at one price at ${locationId}`);
}

/** A web pickup order of one unit of each size, prepared and handed over at the store: it can come back. */
export async function collectedOrder(locationId: string, items: Sellable[], token: string) {
  const order = await webPickupOrder(locationId, items);
  const ready = await gql(
    `mutation ($id: ID!) { fulfillmentMarkReady(id: $id) { userErrors { code } } }`,
    { id: order.fulfillmentId },
    token,
  );
  const collected = await gql(
    `mutation ($id: ID!, $code: String!) { fulfillmentCollect(id: $id, pickupCode: $code) { fulfillment { status } userErrors { code } } }`,
    { id: order.fulfillmentId, code: order.pickupCode },
    token,
  );
  const errors = [...ready.fulfillmentMarkReady.userErrors, ...collected.fulfillmentCollect.userErrors];
  if (errors.length) throw new Error(`handover refused: ${JSON.stringify(errors)}`);
  return order;
}

/** A SKU this store has with `min` units free and a nearby store has free units of too; that store's id and name. */
export async function skuAlsoNearby(here: { locationId: string; token: string; geo: { lat: number; lng: number } }, min = 1) {
  for (const c of await sellableAt(here.locationId, here.token, 10, min)) {
    const near = await gql(
      `query ($near: GeoPointInput!, $sku: String!) { storesNear(near: $near, radiusKm: 50, sku: $sku) { available location { id name } } }`,
      { near: here.geo, sku: c.sku },
    );
    const other = near.storesNear.find(
      (s: { available: number; location: { id: string } }) => s.location.id !== here.locationId && s.available >= 2,
    );
    if (other) return { item: c, from: other.location as { id: string; name: string } };
  }
  throw new Error('no size both here and nearby in the demo data');
}

export async function stockOf(locationId: string, sku: string, token: string) {
  const d = await gql(
    `query ($l: ID!, $s: String!) { stockLevel(locationId: $l, sku: $s) { onHand reserved unsellable safetyStock incoming available } }`,
    { l: locationId, s: sku },
    token,
  );
  return d.stockLevel as { onHand: number; reserved: number; unsellable: number; safetyStock: number; incoming: number; available: number };
}
