import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { addLines, O, pickup, Q, registerShopper, type Shopper } from './support/shoppers.js';
import { serverSubscriptions, type ServerSubscriptions } from './support/subscribed.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { subscribe, wsClient } from './support/ws.js';

const STOCK = `subscription($locationId: ID!, $sku: String!) { stockChanged(locationId: $locationId, sku: $sku) { sku onHand reserved available } }`;
const ORDER = `subscription($id: ID!) { orderUpdated(id: $id) { id status fulfillments { status } } }`;
const QUEUE = `subscription($locationId: ID!) { pickupQueueChanged(locationId: $locationId) { id status } }`;

/** graphql-ws on /graphql, authenticated from connectionParams, fed by events published after commit. */
describe('subscriptions over graphql-ws', () => {
  let t: TestApp;
  let url: string;
  let admin: string;
  let store: { id: string };
  let other: { id: string };
  let staff: string;
  let otherStaff: string;
  let v: { id: string; sku: string };
  let alice: Shopper;
  let server: ServerSubscriptions;
  const clients: ReturnType<typeof wsClient>[] = [];
  const client = (token?: string) => {
    const c = wsClient(url, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    server = serverSubscriptions(t.app);
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    admin = await adminToken(t);
    store = await createLocation(t, admin);
    other = await createLocation(t, admin);
    staff = (await createStaff(t, admin, 'ASSOCIATE', store.id)).token;
    otherStaff = (await createStaff(t, admin, 'ASSOCIATE', other.id)).token;
    [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
    await adjust(t, admin, store.id, v.sku, 5);
    alice = await registerShopper(t);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.close();
  });

  it('stockChanged: anyone hears each committed change of one level; a refused change says nothing', async () => {
    const subscribed = server.after(1);
    const sub = subscribe<{ stockChanged: { available: number } }>(client(), STOCK, { locationId: store.id, sku: v.sku.toLowerCase() });
    await subscribed;
    await adjust(t, admin, store.id, v.sku, 2);
    expect((await sub.next((e) => e.stockChanged.available === 7)).stockChanged).toEqual({
      sku: v.sku,
      onHand: 7,
      reserved: 0,
      available: 7,
    });
    const refused = await adjust(t, admin, store.id, v.sku, -100);
    expect(refused.data.stockAdjust.userErrors[0].code).toBe('INSUFFICIENT_STOCK');
    await adjust(t, admin, other.id, v.sku, 1); // another level
    await adjust(t, admin, store.id, v.sku, -1);
    await sub.next((e) => e.stockChanged.available === 6);
    expect(sub.events.map((e) => e.stockChanged.available)).toEqual([7, 6]);
  });

  it('orderUpdated: the customer follows their order; nobody else may', async () => {
    const cart = (await t.gql(Q.me, {}, { token: alice.token })).data.me.cart;
    await addLines(t, cart.id, [pickup(v.id, store.id)], { token: alice.token });
    const order = (await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: randomUUID() } }, { token: alice.token })).data
      .checkout.order;
    const subscribed = server.after(1);
    const mine = subscribe<{ orderUpdated: { status: string; fulfillments: { status: string }[] } }>(client(alice.token), ORDER, {
      id: order.id,
    });
    const bob = await registerShopper(t);
    const theirs = subscribe(client(bob.token), ORDER, { id: order.id });
    const anon = subscribe(client(), ORDER, { id: order.id });
    await subscribed; // mine; the other two are refused before they subscribe
    expect(JSON.stringify(await theirs.refused())).toContain('FORBIDDEN');
    expect(JSON.stringify(await anon.refused())).toContain('UNAUTHENTICATED');
    await t.gql(O.markReady, { id: order.fulfillments[0].id }, { token: staff });
    const ready = await mine.next((e) => e.orderUpdated.fulfillments[0].status === 'READY_FOR_PICKUP');
    expect(ready.orderUpdated.status).toBe('PLACED');
    await t.gql(O.cancel, { id: order.id }, { token: alice.token });
    const cancelled = await mine.next((e) => e.orderUpdated.status === 'CANCELLED');
    expect(cancelled.orderUpdated.fulfillments[0].status).toBe('CANCELLED'); // read afresh, not from the first event's loaders
  });

  it("pickupQueueChanged: the store's staff hear new and changed pickups; other stores may not listen", async () => {
    const subscribed = server.after(1);
    const queue = subscribe<{ pickupQueueChanged: { id: string; status: string } }>(client(staff), QUEUE, { locationId: store.id });
    const elsewhere = subscribe(client(otherStaff), QUEUE, { locationId: store.id });
    await subscribed;
    expect(JSON.stringify(await elsewhere.refused())).toContain('FORBIDDEN');
    const cart = (await t.gql(Q.me, {}, { token: alice.token })).data.me.cart;
    await addLines(t, cart.id, [pickup(v.id, store.id)], { token: alice.token });
    const order = (await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: randomUUID() } }, { token: alice.token })).data
      .checkout.order;
    const f = order.fulfillments[0].id;
    expect(await queue.next((e) => e.pickupQueueChanged.id === f)).toEqual({ pickupQueueChanged: { id: f, status: 'ALLOCATED' } });
    await t.gql(O.cancel, { id: order.id }, { token: alice.token });
    await queue.next((e) => e.pickupQueueChanged.id === f && e.pickupQueueChanged.status === 'CANCELLED');
  });

  it('a bad token is refused at connection time', async () => {
    const c = client('not-a-token');
    const sub = subscribe(c, STOCK, { locationId: store.id, sku: v.sku });
    expect(await c.closed).toBe(4403);
    expect(sub.events).toEqual([]);
  });
});
