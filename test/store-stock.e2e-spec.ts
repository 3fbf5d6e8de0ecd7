import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { ADDRESS, addLines, delivery, guestCart, O, pickup, unbalancedLevels } from './support/shoppers.js';
import { codes, startTestApp, type AnyJson, type TestApp } from './support/test-app.js';

const E = 'userErrors { code field message }';
const LEVEL = 'sku onHand reserved unsellable safetyStock incoming available';
const TRANSFER = 'id number status from { id } to { id } lines { sku quantity received variant { id } }';
const COUNT = 'id status lineCount countedCount lines { sku expected counted variance heldShort }';
const S = {
  level: `query($locationId: ID!, $sku: String!) { stockLevel(locationId: $locationId, sku: $sku) { ${LEVEL} } }`,
  levels: `query($locationId: ID!, $filter: StockLevelFilter, $first: Int, $after: String) {
    stockLevels(locationId: $locationId, filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${LEVEL} } } } }`,
  op: (name: string) => `mutation($input: StockQuantityInput!) { ${name}(input: $input) { stockLevel { ${LEVEL} } ${E} } }`,
  safetyDefault: `mutation($input: SafetyStockDefaultInput!) { stockSafetyDefaultSet(input: $input) { levelsChanged ${E} } }`,
  transferCreate: `mutation($input: TransferCreateInput!) { transferCreate(input: $input) { transfer { ${TRANSFER} } ${E} } }`,
  transferShip: `mutation($id: ID!) { transferShip(id: $id) { transfer { ${TRANSFER} } ${E} } }`,
  transferReceive: `mutation($id: ID!, $lines: [TransferLineInput!]!) { transferReceive(id: $id, lines: $lines) { transfer { ${TRANSFER} } ${E} } }`,
  transferCancel: `mutation($id: ID!) { transferCancel(id: $id) { transfer { ${TRANSFER} } ${E} } }`,
  transfers: `query($locationId: ID!, $status: TransferStatus) { transfers(locationId: $locationId, status: $status) { id status } }`,
  countStart: `mutation($input: StockCountStartInput!) { stockCountStart(input: $input) { stockCount { ${COUNT} } ${E} } }`,
  countRecord: `mutation($id: ID!, $lines: [StockCountLineInput!]!) { stockCountRecord(id: $id, lines: $lines) { stockCount { ${COUNT} } ${E} } }`,
  countApply: `mutation($id: ID!) { stockCountApply(id: $id) { stockCount { ${COUNT} } ${E} } }`,
  countCancel: `mutation($id: ID!) { stockCountCancel(id: $id) { stockCount { ${COUNT} } ${E} } }`,
  availableOnline: `query($slug: String!) { product(slug: $slug) { variants { sku availableOnline } } }`,
  availableAt: `query($at: ID!) { products(first: 100, filter: { availableAt: $at }) { edges { node { slug } } } }`,
  storesNear: `query($sku: String!) { storesNear(near: { lat: 48.8566, lng: 2.3522 }, radiusKm: 5, sku: $sku) { location { id } available readyBy } }`,
  pickupPromise: `query($sku: String!, $locationId: ID!) { pickupPromise(sku: $sku, locationId: $locationId) }`,
  sourcing: `query($sku: String!, $to: ID!) { sourcingOptions(sku: $sku, destinationLocationId: $to, quantity: 1) { location { id } available } }`,
};

describe('store stock: states, transfers and counts', () => {
  let t: TestApp;
  let admin: string;
  let A: { id: string; code: string };
  let B: { id: string; code: string };
  let W: { id: string; code: string };
  let staffA: string;
  let staffB: string;
  let staffW: string;
  let managerA: string;

  const level = async (loc: { id: string }, sku: string) =>
    (await t.gql(S.level, { locationId: loc.id, sku }, { token: admin })).data.stockLevel;
  const op = (name: string, loc: { id: string }, sku: string, quantity: number, token = staffA) =>
    t.gql(S.op(name), { input: { locationId: loc.id, sku, quantity, reason: 'test' } }, { token });
  const ok = (r: AnyJson, field: string) => {
    expect(r.errors).toBeUndefined();
    expect(r.data[field].userErrors).toEqual([]);
    return r.data[field];
  };
  const refused = (r: AnyJson, field: string) => {
    expect(r.errors).toBeUndefined();
    return r.data[field].userErrors.map((e: { code: string }) => e.code);
  };
  async function checkout(lines: unknown[]) {
    const c = await guestCart(t);
    await addLines(t, c.id, lines);
    return t.gql(O.checkout, {
      input: { cartId: c.id, idempotencyKey: randomUUID(), contact: { email: 's@test.example' }, shippingAddress: ADDRESS },
    });
  }
  const transfer = (from: { id: string }, to: { id: string }, lines: unknown[], token = staffB, idempotencyKey = randomUUID()) =>
    t.gql(S.transferCreate, { input: { fromLocationId: from.id, toLocationId: to.id, lines, idempotencyKey } }, { token });

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    A = await createLocation(t, admin, { pickupEnabled: true });
    B = await createLocation(t, admin, { geo: { lat: 48.87, lng: 2.36 }, pickupEnabled: true });
    W = await createLocation(t, admin, { type: 'WAREHOUSE', geo: { lat: 48.95, lng: 2.5 }, shipsOrders: true });
    staffA = (await createStaff(t, admin, 'ASSOCIATE', A.id)).token;
    staffB = (await createStaff(t, admin, 'ASSOCIATE', B.id)).token;
    staffW = (await createStaff(t, admin, 'ASSOCIATE', W.id)).token;
    managerA = (await createStaff(t, admin, 'MANAGER', A.id)).token;
  });
  afterAll(() => t?.close());

  describe('the states of a level', () => {
    it('marks units unsellable and back, writes them off, keeps safety stock; each a movement and an audit entry', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['M'] })).variants;
      await adjust(t, admin, A.id, v.sku, 5);
      expect(ok(await op('stockMarkUnsellable', A, v.sku, 2), 'stockMarkUnsellable').stockLevel).toMatchObject({
        onHand: 5,
        unsellable: 2,
        available: 3,
      });
      expect(ok(await op('stockMarkSellable', A, v.sku, 1), 'stockMarkSellable').stockLevel).toMatchObject({ unsellable: 1, available: 4 });
      expect(ok(await op('stockSafetySet', A, v.sku, 3), 'stockSafetySet').stockLevel).toMatchObject({ safetyStock: 3, available: 1 });
      expect(ok(await op('stockWriteOff', A, v.sku, 1), 'stockWriteOff').stockLevel).toMatchObject({
        onHand: 4,
        unsellable: 0,
        available: 1,
      });
      expect(ok(await op('stockSafetySet', A, v.sku, 9), 'stockSafetySet').stockLevel).toMatchObject({ safetyStock: 9, available: 0 });
      const moves = await t.db.query(
        `SELECT type, on_hand_delta AS o, unsellable_delta AS u, safety_stock_delta AS s FROM stock_movement
         WHERE location_id = $1 AND variant_id = $2 ORDER BY id`,
        [A.id, v.id],
      );
      expect(moves.map((m: AnyJson) => [m.type, m.o, m.u, m.s])).toEqual([
        ['ADJUSTMENT', 5, 0, 0],
        ['UNSELLABLE', 0, 2, 0],
        ['SELLABLE', 0, -1, 0],
        ['SAFETY_STOCK', 0, 0, 3],
        ['WRITE_OFF', -1, -1, 0],
        ['SAFETY_STOCK', 0, 0, 6],
      ]);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'STOCK_STATE_CHANGED' AND subject_id = $1`,
        [`${A.id}:${v.id}`],
      );
      expect(n).toBe(5);
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('refuses more units than there are to move, other stores, and bad input, changing nothing', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['S'] })).variants;
      await adjust(t, admin, A.id, v.sku, 3);
      expect((await checkout([pickup(v.id, A.id, 2)])).data.checkout.userErrors).toEqual([]); // 2 held
      const before = await level(A, v.sku);
      expect(refused(await op('stockMarkUnsellable', A, v.sku, 2), 'stockMarkUnsellable')).toEqual(['INSUFFICIENT_STOCK']); // only 1 free
      expect(refused(await op('stockMarkSellable', A, v.sku, 1), 'stockMarkSellable')).toEqual(['INSUFFICIENT_STOCK']);
      expect(refused(await op('stockWriteOff', A, v.sku, 1), 'stockWriteOff')).toEqual(['INSUFFICIENT_STOCK']);
      expect(codes(await op('stockMarkUnsellable', A, v.sku, 1, staffB))).toEqual(['FORBIDDEN']);
      expect(codes(await op('stockMarkUnsellable', A, v.sku, 0))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await op('stockSafetySet', A, v.sku, -1))).toEqual(['BAD_USER_INPUT']);
      expect(refused(await op('stockMarkUnsellable', A, 'NO-SUCH-SKU', 1), 'stockMarkUnsellable')).toEqual(['UNKNOWN_SKU']);
      expect(await level(A, v.sku)).toEqual(before);
      // A removal (stockAdjust) may not take the unsellable units either: those leave by a write-off.
      ok(await op('stockMarkUnsellable', A, v.sku, 1), 'stockMarkUnsellable');
      expect(refused(await adjust(t, staffA, A.id, v.sku, -1), 'stockAdjust')).toEqual(['INSUFFICIENT_STOCK']);
    });

    it("a location's default safety stock for a category: existing levels without their own take it, new levels too", async () => {
      const category = `cat-${randomUUID().slice(0, 8)}`;
      const [a, b, c] = (await createProduct(t, admin, { sizes: ['S', 'M', 'L'], category })).variants;
      await adjust(t, admin, A.id, a.sku, 5);
      await adjust(t, admin, A.id, b.sku, 5);
      ok(await op('stockSafetySet', A, b.sku, 4), 'stockSafetySet'); // its own: the default leaves it alone
      const input = { locationId: A.id, category, quantity: 2 };
      expect(codes(await t.gql(S.safetyDefault, { input }, { token: staffA }))).toEqual(['FORBIDDEN']); // managers set defaults
      expect(ok(await t.gql(S.safetyDefault, { input }, { token: managerA }), 'stockSafetyDefaultSet').levelsChanged).toBe(1);
      expect((await level(A, a.sku)).safetyStock).toBe(2);
      expect((await level(A, b.sku)).safetyStock).toBe(4);
      await adjust(t, admin, A.id, c.sku, 3); // a new level
      expect(await level(A, c.sku)).toMatchObject({ onHand: 3, safetyStock: 2, available: 1 });
      await adjust(t, admin, B.id, c.sku, 3); // another location: no default there
      expect((await level(B, c.sku)).safetyStock).toBe(0);
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('available is the same wherever it is read: online, near me, the listing, sourcing, the ready-by promise and checkout', async () => {
      const product = await createProduct(t, admin, { sizes: ['U'] });
      const [v] = product.variants;
      await adjust(t, admin, A.id, v.sku, 3);
      const reads = {
        availableOnline: async () =>
          (await t.gql(S.availableOnline, { slug: product.slug })).data.product.variants.find((x: AnyJson) => x.sku === v.sku)
            .availableOnline,
        storesNear: async () =>
          (await t.gql(S.storesNear, { sku: v.sku })).data.storesNear.find((s: AnyJson) => s.location.id === A.id).available,
        stockLevel: async () => (await level(A, v.sku)).available,
        listedAtStore: async () =>
          (await t.gql(S.availableAt, { at: A.id })).data.products.edges.some((e: AnyJson) => e.node.slug === product.slug)
            ? 'listed'
            : 'not listed',
        sourcingForB: async () =>
          (await t.gql(S.sourcing, { sku: v.sku, to: B.id }, { token: staffB })).data.sourcingOptions.find(
            (o: AnyJson) => o.location.id === A.id,
          )?.available ?? 0,
        readyByAtB: async () =>
          (await t.gql(S.pickupPromise, { sku: v.sku, locationId: B.id })).data.pickupPromise === null ? 'no promise' : 'a promise',
      };
      const all = async () => Object.fromEntries(await Promise.all(Object.entries(reads).map(async ([k, f]) => [k, await f()])));
      const cases: [string, () => Promise<unknown>, Record<string, unknown>][] = [
        [
          '3 on the shelf',
          async () => undefined,
          { availableOnline: 3, storesNear: 3, stockLevel: 3, listedAtStore: 'listed', sourcingForB: 3, readyByAtB: 'a promise' },
        ],
        [
          '1 damaged',
          () => op('stockMarkUnsellable', A, v.sku, 1),
          { availableOnline: 2, storesNear: 2, stockLevel: 2, listedAtStore: 'listed', sourcingForB: 2, readyByAtB: 'a promise' },
        ],
        [
          '2 kept for walk-ins',
          () => op('stockSafetySet', A, v.sku, 2),
          { availableOnline: 0, storesNear: 0, stockLevel: 0, listedAtStore: 'not listed', sourcingForB: 0, readyByAtB: 'no promise' },
        ],
        [
          'safety above what is left: never below 0',
          () => op('stockSafetySet', A, v.sku, 7),
          { availableOnline: 0, storesNear: 0, stockLevel: 0, listedAtStore: 'not listed', sourcingForB: 0, readyByAtB: 'no promise' },
        ],
        [
          '1 kept',
          () => op('stockSafetySet', A, v.sku, 1),
          { availableOnline: 1, storesNear: 1, stockLevel: 1, listedAtStore: 'listed', sourcingForB: 1, readyByAtB: 'a promise' },
        ],
      ];
      for (const [name, change, expected] of cases) {
        await change();
        expect({ name, ...(await all()) }).toEqual({ name, ...expected });
      }
      // Checkout sells only what is available: 1 of 3 on hand (1 damaged, 1 kept).
      expect((await checkout([pickup(v.id, A.id, 2)])).data.checkout.userErrors.map((e: AnyJson) => e.code)).toEqual(['OUT_OF_STOCK']);
      expect((await checkout([pickup(v.id, A.id, 1)])).data.checkout.userErrors).toEqual([]);
      expect((await checkout([delivery(v.id, 1)])).data.checkout.userErrors.map((e: AnyJson) => e.code)).toEqual(['OUT_OF_STOCK']);
      expect(await level(A, v.sku)).toMatchObject({ onHand: 3, reserved: 1, unsellable: 1, safetyStock: 1, available: 0 });
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('the manager view lists the levels by SKU with their states, filtered and paged', async () => {
      const loc = await createLocation(t, admin);
      const [a, b, c] = (await createProduct(t, admin, { sizes: ['S', 'M', 'L'] })).variants;
      for (const v of [a, b, c]) await adjust(t, admin, loc.id, v.sku, 2);
      await op('stockMarkUnsellable', loc, b.sku, 1, admin);
      await op('stockSafetySet', loc, c.sku, 2, admin);
      const page = async (filter: unknown, first = 10, after?: string) =>
        (await t.gql(S.levels, { locationId: loc.id, filter, first, after }, { token: admin })).data.stockLevels;
      const skus = [a.sku, b.sku, c.sku].sort();
      const first = await page(null, 2);
      expect(first.edges.map((e: AnyJson) => e.node.sku)).toEqual(skus.slice(0, 2));
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect((await page(null, 2, first.pageInfo.endCursor)).edges.map((e: AnyJson) => e.node.sku)).toEqual(skus.slice(2));
      expect((await page({ unsellable: true })).edges.map((e: AnyJson) => e.node.sku)).toEqual([b.sku]);
      expect((await page({ soldOut: true })).edges.map((e: AnyJson) => e.node.sku)).toEqual([c.sku]);
      expect((await page({ skuPrefix: a.sku.toLowerCase() })).edges.map((e: AnyJson) => e.node.sku)).toEqual([a.sku]);
      expect(codes(await t.gql(S.levels, { locationId: loc.id }, { token: staffA }))).toEqual(['FORBIDDEN']);
    });
  });

  describe('transfers', () => {
    it('requested, shipped and received in part: held, incoming, on hand, and the loss recorded', async () => {
      const hook = await t.gql(
        `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { endpoint { id } ${E} } }`,
        { input: { url: 'http://127.0.0.1:9/hook', events: ['TRANSFER_UPDATED'] } },
        { token: admin },
      );
      expect(hook.data.webhookEndpointCreate.userErrors).toEqual([]);
      const [v, w] = (await createProduct(t, admin, { sizes: ['38', '39'] })).variants;
      await adjust(t, admin, W.id, v.sku, 10);
      await adjust(t, admin, W.id, w.sku, 4);
      const t1 = ok(
        await transfer(W, B, [
          { sku: v.sku, quantity: 3 },
          { sku: w.sku, quantity: 2 },
        ]),
        'transferCreate',
      ).transfer;
      expect(t1.status).toBe('REQUESTED');
      expect(t1.number).toMatch(/^TR-\d+$/);
      expect(await level(W, v.sku)).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
      expect(codes(await t.gql(S.transferShip, { id: t1.id }, { token: staffB }))).toEqual(['FORBIDDEN']);
      expect(ok(await t.gql(S.transferShip, { id: t1.id }, { token: staffW }), 'transferShip').transfer.status).toBe('IN_TRANSIT');
      expect(await level(W, v.sku)).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
      expect(await level(B, v.sku)).toMatchObject({ onHand: 0, incoming: 3, available: 0 });
      expect(refused(await t.gql(S.transferShip, { id: t1.id }, { token: staffW }), 'transferShip')).toEqual(['INVALID_STATE']);
      expect(refused(await t.gql(S.transferCancel, { id: t1.id }, { token: staffB }), 'transferCancel')).toEqual(['INVALID_STATE']);
      const receive = (lines: unknown[], token = staffB) => t.gql(S.transferReceive, { id: t1.id, lines }, { token });
      expect(codes(await receive([{ sku: v.sku, quantity: 3 }], staffA))).toEqual(['FORBIDDEN']);
      expect(refused(await receive([{ sku: v.sku, quantity: 4 }]), 'transferReceive')).toEqual(['NOT_IN_DOCUMENT']);
      expect(refused(await receive([{ sku: 'NOT-SENT', quantity: 1 }]), 'transferReceive')).toEqual(['NOT_IN_DOCUMENT']);
      const got = ok(await receive([{ sku: v.sku.toLowerCase(), quantity: 2 }]), 'transferReceive').transfer; // the 39s never came
      expect([got.status, got.lines.map((l: AnyJson) => [l.sku, l.quantity, l.received])]).toEqual([
        'RECEIVED',
        [
          [v.sku, 3, 2],
          [w.sku, 2, 0],
        ],
      ]);
      expect(await level(B, v.sku)).toMatchObject({ onHand: 2, incoming: 0, available: 2 });
      expect(await level(B, w.sku)).toMatchObject({ onHand: 0, incoming: 0 });
      const lost = await t.db.query(
        `SELECT variant_id, incoming_delta FROM stock_movement WHERE type = 'LOST_IN_TRANSIT' AND location_id = $1`,
        [B.id],
      );
      expect(lost.map((m: AnyJson) => [m.variant_id, m.incoming_delta]).sort()).toEqual(
        [
          [v.id, -1],
          [w.id, -2],
        ].sort(),
      );
      const events = await t.db.query(
        `SELECT data->>'status' AS status FROM webhook_event WHERE type = 'TRANSFER_UPDATED' AND data->>'transferId' = $1 ORDER BY created_at`,
        [t1.id],
      );
      expect(events.map((e: AnyJson) => e.status)).toEqual(['REQUESTED', 'IN_TRANSIT', 'RECEIVED']); // each step told the retailer's systems
      const listed = (await t.gql(S.transfers, { locationId: W.id, status: 'RECEIVED' }, { token: staffW })).data.transfers;
      expect(listed.map((x: AnyJson) => x.id)).toContain(t1.id);
      expect(codes(await t.gql(S.transfers, { locationId: W.id }, { token: staffA }))).toEqual(['FORBIDDEN']);
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('cancelled before it ships gives the hold back; refusals change nothing', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
      await adjust(t, admin, W.id, v.sku, 2);
      expect(refused(await transfer(W, B, [{ sku: v.sku, quantity: 3 }]), 'transferCreate')).toEqual(['INSUFFICIENT_STOCK']);
      expect(codes(await transfer(W, B, [{ sku: v.sku, quantity: 1 }], staffA))).toEqual(['FORBIDDEN']); // A is neither end
      expect(codes(await transfer(B, B, [{ sku: v.sku, quantity: 1 }]))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await transfer(W, B, [{ sku: v.sku, quantity: 0 }]))).toEqual(['BAD_USER_INPUT']);
      expect(refused(await transfer(W, B, [{ sku: 'NO-SUCH', quantity: 1 }]), 'transferCreate')).toEqual(['UNKNOWN_SKU']);
      expect(await level(W, v.sku)).toMatchObject({ reserved: 0, available: 2 });
      const t1 = ok(await transfer(W, B, [{ sku: v.sku, quantity: 2 }]), 'transferCreate').transfer;
      expect((await checkout([delivery(v.id)])).data.checkout.userErrors.map((e: AnyJson) => e.code)).toEqual(['OUT_OF_STOCK']); // held for the transfer
      expect(ok(await t.gql(S.transferCancel, { id: t1.id }, { token: staffB }), 'transferCancel').transfer.status).toBe('CANCELLED');
      expect(await level(W, v.sku)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
      expect(refused(await t.gql(S.transferShip, { id: t1.id }, { token: staffW }), 'transferShip')).toEqual(['INVALID_STATE']);
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('the same key is the same transfer, even sent twice at once; another request under it is refused', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
      await adjust(t, admin, W.id, v.sku, 5);
      const key = randomUUID();
      const [x, y] = await Promise.all([
        transfer(W, B, [{ sku: v.sku, quantity: 2 }], staffB, key),
        transfer(W, B, [{ sku: v.sku, quantity: 2 }], staffB, key),
      ]);
      expect(ok(x, 'transferCreate').transfer.id).toBe(ok(y, 'transferCreate').transfer.id);
      expect((await level(W, v.sku)).reserved).toBe(2);
      expect(refused(await transfer(W, B, [{ sku: v.sku, quantity: 1 }], staffB, key), 'transferCreate')).toEqual([
        'IDEMPOTENCY_KEY_REUSED',
      ]);
    });

    it('a ship-to-store order on its way counts as incoming at the pickup store', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
      await adjust(t, admin, W.id, v.sku, 3);
      const r = await checkout([pickup(v.id, B.id, 2)]);
      const f = r.data.checkout.order.fulfillments[0];
      expect(f.type).toBe('SHIP_TO_STORE');
      ok(await t.gql(O.ship, { id: f.id }, { token: staffW }), 'fulfillmentShip');
      expect(await level(B, v.sku)).toMatchObject({ onHand: 0, incoming: 2, available: 0 });
      ok(await t.gql(O.receive, { id: f.id }, { token: staffB }), 'fulfillmentReceive');
      expect(await level(B, v.sku)).toMatchObject({ onHand: 2, reserved: 2, incoming: 0, available: 0 });
      expect(await unbalancedLevels(t)).toBe(0);
    });
  });

  describe('counts', () => {
    it('keeps the sales, receipts and checkouts made while counting, and applies once', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
      await adjust(t, admin, A.id, v.sku, 10);
      const c = ok(
        await t.gql(S.countStart, { input: { locationId: A.id, skus: [v.sku] } }, { token: staffA }),
        'stockCountStart',
      ).stockCount;
      expect(c.lines).toEqual([{ sku: v.sku, expected: 10, counted: null, variance: null, heldShort: 0 }]);
      await adjust(t, admin, A.id, v.sku, -2, 'SALE'); // sold at the till meanwhile
      await adjust(t, admin, A.id, v.sku, 5); // a delivery arrived (not yet on the counted shelf)
      expect((await checkout([pickup(v.id, A.id, 1)])).data.checkout.userErrors).toEqual([]); // a web order holds one
      ok(await t.gql(S.countRecord, { id: c.id, lines: [{ sku: v.sku, counted: 9 }] }, { token: staffA }), 'stockCountRecord'); // one missing
      expect(codes(await t.gql(S.countApply, { id: c.id }, { token: staffB }))).toEqual(['FORBIDDEN']);
      const applied = ok(await t.gql(S.countApply, { id: c.id }, { token: staffA }), 'stockCountApply').stockCount;
      expect([applied.status, applied.lines[0].variance]).toEqual(['APPLIED', -1]);
      expect(await level(A, v.sku)).toMatchObject({ onHand: 10 - 2 + 5 - 1, reserved: 1 });
      expect(refused(await t.gql(S.countApply, { id: c.id }, { token: staffA }), 'stockCountApply')).toEqual(['INVALID_STATE']);
      const [m] = await t.db.query(`SELECT on_hand_delta FROM stock_movement WHERE type = 'COUNT' AND variant_id = $1`, [v.id]);
      expect(m.on_hand_delta).toBe(-1);
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('one open count per level; a whole location in pages; cancelled counts move nothing', async () => {
      const loc = await createLocation(t, admin);
      const staff = (await createStaff(t, admin, 'ASSOCIATE', loc.id)).token;
      const vs = (await createProduct(t, admin, { sizes: ['S', 'M', 'L'] })).variants;
      for (const v of vs) await adjust(t, admin, loc.id, v.sku, 4);
      const whole = ok(
        await t.gql(S.countStart, { input: { locationId: loc.id, skus: [] } }, { token: staff }),
        'stockCountStart',
      ).stockCount;
      expect(whole.lineCount).toBe(3);
      expect(
        refused(await t.gql(S.countStart, { input: { locationId: loc.id, skus: [vs[0].sku] } }, { token: staff }), 'stockCountStart'),
      ).toEqual(['COUNT_IN_PROGRESS']);
      ok(await t.gql(S.countRecord, { id: whole.id, lines: [{ sku: vs[0].sku, counted: 6 }] }, { token: staff }), 'stockCountRecord');
      const second = ok(
        await t.gql(S.countRecord, { id: whole.id, lines: [{ sku: vs[1].sku, counted: 4 }] }, { token: staff }),
        'stockCountRecord',
      );
      expect(second.stockCount.countedCount).toBe(2);
      expect(
        refused(
          await t.gql(S.countRecord, { id: whole.id, lines: [{ sku: 'NOT-IN-IT', counted: 1 }] }, { token: staff }),
          'stockCountRecord',
        ),
      ).toEqual(['NOT_IN_DOCUMENT']);
      ok(await t.gql(S.countApply, { id: whole.id }, { token: staff }), 'stockCountApply');
      expect((await level(loc, vs[0].sku)).onHand).toBe(6); // found two
      expect((await level(loc, vs[2].sku)).onHand).toBe(4); // not counted: not applied
      const again = ok(
        await t.gql(S.countStart, { input: { locationId: loc.id, skus: [vs[2].sku] } }, { token: staff }),
        'stockCountStart',
      ).stockCount;
      ok(await t.gql(S.countRecord, { id: again.id, lines: [{ sku: vs[2].sku, counted: 0 }] }, { token: staff }), 'stockCountRecord');
      expect(ok(await t.gql(S.countCancel, { id: again.id }, { token: staff }), 'stockCountCancel').stockCount.status).toBe('CANCELLED');
      expect((await level(loc, vs[2].sku)).onHand).toBe(4);
      expect(await unbalancedLevels(t)).toBe(0);
    });

    it('units held for an order that the count did not find go through the shortage flow; damaged units not found are written off', async () => {
      const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
      await adjust(t, admin, A.id, v.sku, 4);
      await adjust(t, admin, W.id, v.sku, 5);
      await op('stockMarkUnsellable', A, v.sku, 1);
      const o = (await checkout([pickup(v.id, A.id, 2)])).data.checkout.order; // 2 held at A, 1 damaged, 1 free
      const c = ok(
        await t.gql(S.countStart, { input: { locationId: A.id, skus: [v.sku] } }, { token: staffA }),
        'stockCountStart',
      ).stockCount;
      ok(await t.gql(S.countRecord, { id: c.id, lines: [{ sku: v.sku, counted: 1 }] }, { token: staffA }), 'stockCountRecord');
      const applied = ok(await t.gql(S.countApply, { id: c.id }, { token: staffA }), 'stockCountApply').stockCount;
      expect(applied.lines[0]).toMatchObject({ variance: -3, heldShort: 1 });
      expect(await level(A, v.sku)).toMatchObject({ onHand: 1, reserved: 1, unsellable: 0 });
      const after = (await t.gql(O.order, { id: o.id }, { token: admin })).data.order;
      const live = after.fulfillments.filter((f: AnyJson) => f.status !== 'CANCELLED');
      expect(live.map((f: AnyJson) => [f.type, f.sourceLocation.id, f.lines.map((l: AnyJson) => l.quantity)]).sort()).toEqual(
        [
          ['PICKUP', A.id, [1]],
          ['SHIP_TO_STORE', W.id, [1]],
        ].sort(),
      );
      expect((await level(W, v.sku)).reserved).toBe(1);
      expect(await unbalancedLevels(t)).toBe(0);
    });
  });

  it('50 mixed changes at once on one level: never below its constraints, no movement lost', async () => {
    const [v] = (await createProduct(t, admin, { sizes: ['U'] })).variants;
    await adjust(t, admin, A.id, v.sku, 20);
    await adjust(t, admin, W.id, v.sku, 20);
    const work = Array.from({ length: 50 }, (_, i) => {
      switch (i % 7) {
        case 0:
          return op('stockMarkUnsellable', A, v.sku, 1);
        case 1:
          return op('stockMarkSellable', A, v.sku, 1);
        case 2:
          return op('stockWriteOff', A, v.sku, 1);
        case 3:
          return adjust(t, staffA, A.id, v.sku, i % 2 ? 2 : -2);
        case 4:
          return checkout([pickup(v.id, A.id, 1)]);
        case 5:
          return transfer(A, B, [{ sku: v.sku, quantity: 1 }], staffA);
        default:
          return op('stockSafetySet', A, v.sku, i % 3);
      }
    });
    const results = await Promise.all(work);
    for (const r of results) expect(r.errors).toBeUndefined(); // refusals are answers, never errors
    const l = await level(A, v.sku);
    expect(l.reserved + l.unsellable).toBeLessThanOrEqual(l.onHand);
    expect(l.available).toBe(Math.max(l.onHand - l.reserved - l.unsellable - l.safetyStock, 0));
    const [sum] = await t.db.query(
      `SELECT sum(on_hand_delta)::int AS o, sum(reserved_delta)::int AS r, sum(unsellable_delta)::int AS u, sum(safety_stock_delta)::int AS s
       FROM stock_movement WHERE location_id = $1 AND variant_id = $2`,
      [A.id, v.id],
    );
    expect(sum).toEqual({ o: l.onHand, r: l.reserved, u: l.unsellable, s: l.safetyStock });
    expect(await unbalancedLevels(t)).toBe(0);
  });
});
