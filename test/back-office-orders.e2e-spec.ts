import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, delivery, guestCart, O, pickup, Q, registerShopper, type Shopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const ORDERS = `query($first: Int!, $after: String, $filter: OrderFilter) { orders(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number channel status createdAt } } } }`;
const ORDERS_NO_COUNT = `query($first: Int!, $after: String, $filter: OrderFilter) { orders(first: $first, after: $after, filter: $filter) {
  pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
const BY_NUMBER = `query($number: String!) { orderByNumber(number: $number) { id number } }`;
const HISTORY = `query($id: ID!, $first: Int!, $after: String) { customer(id: $id) { orders { id }
  orderHistory(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`;
const MY_HISTORY = `query($first: Int!, $after: String) { me { orderHistory(first: $first, after: $after) { totalCount edges { node { id } } } } }`;
const MOVES = `query($l: ID!, $s: String!, $first: Int!, $after: String) { stockMovements(locationId: $l, sku: $s, first: $first, after: $after) {
  pageInfo { hasNextPage endCursor } edges { cursor node { id type onHandDelta reservedDelta reason reference createdAt } } } }`;
const ASSISTED = `mutation($input: AssistedOrderInput!) { assistedOrderCreate(input: $input) { order { id number channel } userErrors { code field message } } }`;

interface Placed {
  id: string;
  number: string;
  channel: string;
}
type Edge = { cursor: string; node: { id: string } };

/**
 * The back office reads orders and the stock ledger a page at a time: who sees which orders (sold, sent
 * from or collected at their store), every filter, keyset pages that neither skip nor repeat, and the audit
 * entry each stock adjustment leaves.
 */
describe('back office: orders, orderByNumber, Customer.orderHistory, stockMovements, audited stockAdjust', () => {
  let t: TestApp;
  let admin: string;
  let A: { id: string };
  let B: { id: string };
  let W: { id: string };
  let staffA: { id: string; token: string };
  let managerB: string;
  let staffW: string;
  let v: { id: string; sku: string }[];
  let alice: Shopper;
  let bob: Shopper;
  /** Sold online, picked up at A from A's shelf. */
  let pickedAtA: Placed;
  /** Picked up at A, sent there from the warehouse W. */
  let sentFromW: Placed;
  /** Delivered from B's stock; cancelled later. */
  let deliveredFromB: Placed;
  /** Sold at B by its manager (assisted), delivered from W. */
  let soldAtB: Placed;
  const started = new Date(Date.now() - 1000);

  const ok = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const r = await t.gql(query, variables, { token });
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const checkout = async (lines: unknown[], over: Record<string, unknown> = {}, opts: { token?: string; channel?: string } = {}) => {
    const cartId = opts.token ? (await t.gql(Q.me, {}, opts)).data.me.cart.id : (await guestCart(t, opts.channel)).id;
    await addLines(t, cartId, lines, opts);
    const r = await t.gql(
      O.checkout,
      { input: { cartId, idempotencyKey: randomUUID(), ...(opts.token ? {} : { contact: { email: 'guest@test.example' } }), ...over } },
      opts,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.checkout.userErrors).toEqual([]);
    return r.data.checkout.order as Placed & { fulfillments: { type: string; sourceLocation: { id: string } }[] };
  };
  const ids = (conn: { edges: Edge[] }) => conn.edges.map((e) => e.node.id);
  /** Every page of a connection, following endCursor. */
  const allPages = async (
    read: (after: string | undefined) => Promise<{ pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] }>,
  ) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 50; page++) {
      const conn = await read(after);
      seen.push(...ids(conn));
      if (!conn.pageInfo.hasNextPage) return seen;
      after = conn.pageInfo.endCursor ?? undefined;
    }
    throw new Error('more than 50 pages');
  };

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    A = await createLocation(t, admin, { geo: { lat: 48.8566, lng: 2.3522 } });
    B = await createLocation(t, admin, { geo: { lat: 48.8966, lng: 2.3522 }, shipsOrders: true }); // sends a delivery
    W = await createLocation(t, admin, { type: 'WAREHOUSE', geo: { lat: 48.73, lng: 2.36 }, pickupHold: undefined });
    staffA = await createStaff(t, admin, 'ASSOCIATE', A.id);
    managerB = (await createStaff(t, admin, 'MANAGER', B.id)).token;
    staffW = (await createStaff(t, admin, 'ASSOCIATE', W.id)).token;
    v = (await createProduct(t, admin, { sizes: ['S', 'M', 'L', 'XL', 'XXL'], price: 5000 })).variants;
    alice = await registerShopper(t);
    bob = await registerShopper(t);
    // Each size is stocked at one location only, so where each order is sourced from is known.
    await adjust(t, admin, A.id, v[0].sku, 8);
    await adjust(t, admin, W.id, v[1].sku, 20);
    await adjust(t, admin, B.id, v[2].sku, 5);
    await adjust(t, admin, W.id, v[3].sku, 5);
    await adjust(t, admin, W.id, v[4].sku, 50);

    pickedAtA = await checkout([pickup(v[0].id, A.id)], {}, { channel: 'APP' });
    const sent = await checkout([pickup(v[1].id, A.id)]);
    expect(sent.fulfillments.map((f) => [f.type, f.sourceLocation.id])).toEqual([['SHIP_TO_STORE', W.id]]);
    sentFromW = sent;
    deliveredFromB = await checkout([delivery(v[2].id)], { shippingAddress: ADDRESS });
    const assisted = await t.gql(
      ASSISTED,
      {
        input: {
          locationId: B.id,
          customerId: alice.id,
          idempotencyKey: randomUUID(),
          lines: [{ variantId: v[3].id, quantity: 1 }],
          delivery: { type: 'DELIVERY', address: ADDRESS },
        },
      },
      { token: managerB, channel: 'STORE' },
    );
    expect(assisted.data.assistedOrderCreate.userErrors).toEqual([]);
    soldAtB = assisted.data.assistedOrderCreate.order;
    const cancelled = await t.gql(O.cancel, { id: deliveredFromB.id }, { token: admin });
    expect(cancelled.data.orderCancel.userErrors).toEqual([]);
  });
  afterAll(() => t?.close());

  describe('orders', () => {
    it('staff see the orders of their own location: sold there, picked up there or sourced from there, newest first', async () => {
      const all = [pickedAtA, sentFromW, deliveredFromB, soldAtB].map((o) => o.id);
      const expected: [string, string, string, string[]][] = [
        ['associate at A (picked up there)', staffA.token, A.id, [sentFromW.id, pickedAtA.id]],
        ['manager at B (sourced there, sold there)', managerB, B.id, [soldAtB.id, deliveredFromB.id]],
        ['associate at W (sourced there)', staffW, W.id, [soldAtB.id, sentFromW.id]],
      ];
      for (const [who, token, home, orders] of expected) {
        const page = (await ok(ORDERS, { first: 50 }, token)).orders;
        expect({ who, ids: ids(page).filter((id) => all.includes(id)) }).toEqual({ who, ids: orders });
        expect({ who, totalCount: page.totalCount }).toEqual({ who, totalCount: orders.length });
        // Naming their own location lists the same.
        expect(ids((await ok(ORDERS, { first: 50, filter: { locationId: home } }, token)).orders)).toEqual(ids(page));
      }
    });

    it("staff naming another location are FORBIDDEN; admins list every order, or one location's", async () => {
      for (const [token, elsewhere] of [
        [staffA.token, B.id],
        [managerB, A.id],
        [staffW, A.id],
      ]) {
        expect(codes(await t.gql(ORDERS, { first: 10, filter: { locationId: elsewhere } }, { token }))).toEqual(['FORBIDDEN']);
      }
      const every = (await ok(ORDERS, { first: 100, filter: { createdFrom: started.toISOString() } }, admin)).orders;
      expect(ids(every)).toEqual([soldAtB.id, deliveredFromB.id, sentFromW.id, pickedAtA.id]);
      expect(every.totalCount).toBe(4);
      const times = every.edges.map((e: { node: { createdAt: string } }) => e.node.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect(ids((await ok(ORDERS, { first: 100, filter: { locationId: A.id } }, admin)).orders)).toEqual([sentFromW.id, pickedAtA.id]);
      expect(ids((await ok(ORDERS, { first: 100, filter: { locationId: W.id } }, admin)).orders)).toEqual([soldAtB.id, sentFromW.id]);
    });

    it('customers and guests may not list orders', async () => {
      expect(codes(await t.gql(ORDERS, { first: 10 }, { token: alice.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ORDERS, { first: 10 }))).toEqual(['UNAUTHENTICATED']);
    });

    it('filters by channel, status, number, customer and creation time', async () => {
      const list = async (filter: Record<string, unknown>, token = admin) =>
        ids((await ok(ORDERS, { first: 100, filter: { createdFrom: started.toISOString(), ...filter } }, token)).orders);
      expect(await list({ channel: 'STORE' })).toEqual([soldAtB.id]);
      expect(await list({ channel: 'APP' })).toEqual([pickedAtA.id]);
      expect(await list({ status: 'CANCELLED' })).toEqual([deliveredFromB.id]);
      expect(await list({ status: 'PLACED', locationId: B.id })).toEqual([soldAtB.id]);
      expect(await list({ number: ` ${sentFromW.number} ` })).toEqual([sentFromW.id]);
      expect(await list({ number: sentFromW.number }, staffA.token)).toEqual([sentFromW.id]);
      expect(await list({ number: deliveredFromB.number }, staffA.token)).toEqual([]); // not A's
      expect(await list({ number: 'nope' })).toEqual([]);
      expect(await list({ customerId: alice.id })).toEqual([soldAtB.id]);
      expect(await list({ customerId: randomUUID() })).toEqual([]);
      const [{ at }] = await t.db.query(`SELECT created_at AS at FROM customer_order WHERE id = $1`, [sentFromW.id]);
      expect(await list({ createdFrom: (at as Date).toISOString() })).toEqual([soldAtB.id, deliveredFromB.id, sentFromW.id]);
      expect(await list({ createdTo: new Date((at as Date).getTime() - 1).toISOString() })).toEqual([pickedAtA.id]);
      expect(await list({ createdFrom: new Date(Date.now() + 3600e3).toISOString() })).toEqual([]);
    });

    it('refuses what it did not issue or cannot read: cursors, page sizes, ids, enum values', async () => {
      const bad = async (variables: Record<string, unknown>, expected = 'BAD_USER_INPUT') =>
        expect({ variables, codes: codes(await t.gql(ORDERS, variables, { token: admin })) }).toEqual({ variables, codes: [expected] });
      await bad({ first: 0 });
      await bad({ first: 101 });
      await bad({ first: 10, after: 'garbage' });
      await bad({ first: 10, after: Buffer.from('["1765140000123456","42"]').toString('base64url') }); // a ledger cursor
      await bad({ first: 10, after: Buffer.from(`["not a time","${randomUUID()}"]`).toString('base64url') });
      await bad({ first: 10, filter: { locationId: 'not-a-uuid' } });
      await bad({ first: 10, filter: { customerId: 'x' } });
      await bad({ first: 10, filter: { number: 'x'.repeat(101) } });
      await bad({ first: 10, filter: { status: 'LOST' } });
      await bad({ first: 10, filter: { createdFrom: 'yesterday' } });
    });

    it('asks PostgreSQL for no count when totalCount is not selected', async () => {
      const r = await ok(ORDERS_NO_COUNT, { first: 1 }, staffA.token);
      expect(r.orders.edges).toHaveLength(1);
      expect(r.orders.pageInfo.hasNextPage).toBe(true);
    });
  });

  describe('orderByNumber', () => {
    it('for staff of a location the order involves and admins; FORBIDDEN for staff elsewhere; null when none has it', async () => {
      const read = (number: string, token?: string) => t.gql(BY_NUMBER, { number }, { token });
      expect((await read(pickedAtA.number, staffA.token)).data.orderByNumber).toEqual({ id: pickedAtA.id, number: pickedAtA.number });
      expect((await read(`  ${sentFromW.number}\n`, staffW)).data.orderByNumber?.id).toBe(sentFromW.id);
      expect((await read(soldAtB.number, managerB)).data.orderByNumber?.id).toBe(soldAtB.id);
      expect((await read(soldAtB.number, admin)).data.orderByNumber?.id).toBe(soldAtB.id);
      expect(codes(await read(pickedAtA.number, managerB))).toEqual(['FORBIDDEN']);
      expect(codes(await read(soldAtB.number, staffA.token))).toEqual(['FORBIDDEN']);
      const none = await read('999999999', staffA.token);
      expect([none.errors, none.data.orderByNumber]).toEqual([undefined, null]);
      expect(codes(await read('   ', admin))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await read(soldAtB.number, alice.token))).toEqual(['FORBIDDEN']);
      expect(codes(await read(soldAtB.number))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('paging', () => {
    let bobs: string[];

    beforeAll(async () => {
      bobs = [];
      for (let i = 0; i < 7; i++)
        bobs.unshift((await checkout([delivery(v[4].id)], { shippingAddress: ADDRESS }, { token: bob.token })).id);
    });

    it('Customer.orderHistory pages through every order, newest first, for staff and the customer; orders stays a list', async () => {
      const pages: string[][] = [];
      const seen = await allPages(async (after) => {
        const c = (await ok(HISTORY, { id: bob.id, first: 3, after }, staffA.token)).customer;
        expect(c.orders.map((o: { id: string }) => o.id)).toEqual(bobs);
        expect(c.orderHistory.totalCount).toBe(7);
        pages.push(ids(c.orderHistory));
        return c.orderHistory;
      });
      expect(seen).toEqual(bobs);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(ids((await ok(MY_HISTORY, { first: 100 }, bob.token)).me.orderHistory)).toEqual(bobs);
      expect(codes(await t.gql(HISTORY, { id: bob.id, first: 0 }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(HISTORY, { id: bob.id, first: 2, after: 'nope' }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
    });

    it('orders that share a creation time come once each, in id order, across pages of every size', async () => {
      // Four of bob's orders placed at the same instant (to the microsecond): the keyset ties on the id.
      const tied = bobs.slice(1, 5);
      await t.db.query(
        `UPDATE customer_order SET created_at = (SELECT created_at FROM customer_order WHERE id = $1) WHERE id = ANY($2::uuid[])`,
        [tied[0], tied],
      );
      const expected = [bobs[0], ...[...tied].sort().reverse(), ...bobs.slice(5)];
      for (const first of [1, 2, 3, 4, 7]) {
        const viaOrders = await allPages(
          async (after) => (await ok(ORDERS, { first, after, filter: { customerId: bob.id } }, admin)).orders,
        );
        expect({ first, viaOrders }).toEqual({ first, viaOrders: expected });
        const viaHistory = await allPages(async (after) => (await ok(HISTORY, { id: bob.id, first, after }, admin)).customer.orderHistory);
        expect({ first, viaHistory }).toEqual({ first, viaHistory: expected });
      }
    });

    it('a cursor stays valid while new orders arrive: the next page goes on where the last one stopped', async () => {
      const first = (await ok(ORDERS, { first: 2, filter: { customerId: bob.id } }, admin)).orders;
      const newer = await checkout([delivery(v[4].id)], { shippingAddress: ADDRESS }, { token: bob.token });
      const rest = await allPages(
        async (after) =>
          (await ok(ORDERS, { first: 2, after: after ?? first.pageInfo.endCursor, filter: { customerId: bob.id } }, admin)).orders,
      );
      expect([...ids(first), ...rest]).not.toContain(newer.id);
      expect(new Set([...ids(first), ...rest]).size).toBe(7);
      expect((await ok(ORDERS, { first: 1, filter: { customerId: bob.id } }, admin)).orders.edges[0].node.id).toBe(newer.id);
    });
  });

  describe('stockMovements', () => {
    it('the ledger of one level, newest first: the receipt and the hold for the order', async () => {
      const moves = (await ok(MOVES, { l: A.id, s: v[0].sku, first: 50 }, staffA.token)).stockMovements.edges.map(
        (e: { node: unknown }) => e.node,
      );
      expect(moves).toEqual([
        expect.objectContaining({ type: 'RESERVATION', onHandDelta: 0, reservedDelta: 1, reference: pickedAtA.number }),
        expect.objectContaining({ type: 'ADJUSTMENT', onHandDelta: 8, reservedDelta: 0, reason: 'RECEIPT', reference: null }),
      ]);
    });

    it('pages newest first without skipping or repeating, ties on the time included', async () => {
      for (const d of [1, 2, 3, -1, 4])
        expect((await adjust(t, staffA.token, A.id, v[0].sku, d, `D${d}`)).data.stockAdjust.userErrors).toEqual([]);
      const read = (first: number) =>
        allPages(async (after) => (await ok(MOVES, { l: A.id, s: v[0].sku, first, after }, admin)).stockMovements);
      const all = await read(100);
      expect(all).toHaveLength(7);
      const deltas = async () =>
        (await ok(MOVES, { l: A.id, s: v[0].sku, first: 100 }, admin)).stockMovements.edges.map(
          (e: { node: { onHandDelta: number } }) => e.node.onHandDelta,
        );
      expect(await deltas()).toEqual([4, -1, 3, 2, 1, 0, 8]);
      for (const first of [1, 2, 3]) expect({ first, ids: await read(first) }).toEqual({ first, ids: all });
      // Three movements at the same instant: the newest id first.
      await t.db.query(
        `UPDATE stock_movement SET created_at = (SELECT max(created_at) FROM stock_movement WHERE id = ANY($1::bigint[])) WHERE id = ANY($1::bigint[])`,
        [all.slice(1, 4)],
      );
      for (const first of [1, 2, 3]) expect({ first, ids: await read(first) }).toEqual({ first, ids: all });
    });

    it('staff of that location and admins; FORBIDDEN elsewhere; NOT_FOUND for a location or SKU that does not exist', async () => {
      const read = (l: string, s: string, token?: string, extra: Record<string, unknown> = {}) =>
        t.gql(MOVES, { l, s, first: 10, ...extra }, { token });
      expect((await read(W.id, v[1].sku, staffW)).data.stockMovements.edges.length).toBeGreaterThan(0);
      expect((await read(A.id, v[0].sku.toLowerCase(), admin)).data.stockMovements.edges.length).toBeGreaterThan(0);
      expect(codes(await read(A.id, v[0].sku, managerB))).toEqual(['FORBIDDEN']);
      expect(codes(await read(A.id, v[0].sku, staffW))).toEqual(['FORBIDDEN']);
      expect(codes(await read(A.id, v[0].sku, alice.token))).toEqual(['FORBIDDEN']);
      expect(codes(await read(A.id, v[0].sku))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await read(randomUUID(), v[0].sku, admin))).toEqual(['NOT_FOUND']);
      expect(codes(await read(A.id, 'NO-SUCH-SKU', staffA.token))).toEqual(['NOT_FOUND']);
      expect((await read(B.id, v[0].sku, managerB)).data.stockMovements).toEqual({
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [],
      });
      expect(codes(await read('not-a-uuid', v[0].sku, admin))).toEqual(['BAD_USER_INPUT']);
      for (const extra of [
        { first: 0 },
        { first: 101 },
        { after: 'garbage' },
        { after: Buffer.from(`["1765140000123456","${randomUUID()}"]`).toString('base64url') },
      ]) {
        expect({ extra, codes: codes(await read(A.id, v[0].sku, admin, extra)) }).toEqual({ extra, codes: ['BAD_USER_INPUT'] });
      }
    });
  });

  describe('stockAdjust is audited', () => {
    const entries = (subject: string) =>
      t.db.query(
        `SELECT action, staff_id AS "staffId", subject_type AS "subjectType", before, after FROM audit_entry WHERE subject_id = $1 ORDER BY created_at, id`,
        [subject],
      );

    it('writes an entry with who, the level and on hand before and after, in the same transaction', async () => {
      const subject = `${B.id}:${v[2].id}`;
      const before = await entries(subject);
      const r = await adjust(t, managerB, B.id, v[2].sku, -2, 'DAMAGE');
      expect(r.data.stockAdjust).toEqual({ stockLevel: { onHand: 3, reserved: 0, available: 3 }, userErrors: [] });
      const after = await entries(subject);
      expect(after.slice(before.length)).toEqual([
        {
          action: 'STOCK_ADJUSTED',
          staffId: expect.any(String),
          subjectType: 'StockLevel',
          before: { sku: v[2].sku, onHand: 5 },
          after: { sku: v[2].sku, onHand: 3, delta: -2, reason: 'DAMAGE' },
        },
      ]);
      const [{ id: managerBId }] = await t.db.query(`SELECT id FROM staff WHERE role = 'MANAGER' AND location_id = $1`, [B.id]);
      expect(after.at(-1).staffId).toBe(managerBId);
    });

    it('a refused adjustment (INSUFFICIENT_STOCK) writes no entry and moves nothing', async () => {
      const subject = `${A.id}:${v[0].id}`;
      const before = await entries(subject);
      const moves = (await ok(MOVES, { l: A.id, s: v[0].sku, first: 100 }, admin)).stockMovements.edges.length;
      const r = await adjust(t, staffA.token, A.id, v[0].sku, -1000);
      expect(r.data.stockAdjust.userErrors.map((e: { code: string }) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
      expect(await entries(subject)).toEqual(before);
      expect((await ok(MOVES, { l: A.id, s: v[0].sku, first: 100 }, admin)).stockMovements.edges.length).toBe(moves);
      expect(before.length).toBeGreaterThan(0); // the receipts above were recorded
    });
  });
});
