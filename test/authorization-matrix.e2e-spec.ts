import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff, unique } from './support/factories.js';
import { addLines, O, pickup, Q, registerShopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';
import { firstAnswer, wsClient } from './support/ws.js';

type Caller = 'guest' | 'customer' | 'otherCustomer' | 'associateHere' | 'associateElsewhere' | 'managerHere' | 'admin';
const CALLERS: Caller[] = ['guest', 'customer', 'otherCustomer', 'associateHere', 'associateElsewhere', 'managerHere', 'admin'];
const STAFF_HERE: Caller[] = ['associateHere', 'managerHere', 'admin'];
const ALL_STAFF: Caller[] = [...STAFF_HERE, 'associateElsewhere'];

/**
 * Every mutation and staff query against every kind of caller. "Here" is store A, where the customer's
 * order is collected. Allowed means no UNAUTHENTICATED or FORBIDDEN (a business refusal such as
 * INVALID_STATE or EMPTY_CART still proves the caller got past access control); refused means exactly one
 * of those two codes, and nothing changed.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  const token: Partial<Record<Caller, string>> = {};
  let A: { id: string };
  let v: { id: string; sku: string }[];
  let customerId: string;
  let cartId: string;
  let orderId: string;
  let orderNumber: string;
  let fulfillmentId: string;
  let memberAtA: string;
  let productId: string;
  let spareProductId: string;
  let erasableId: string;
  let promotionId: string;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    token.admin = await adminToken(t);
    A = await createLocation(t, token.admin);
    const B = await createLocation(t, token.admin);
    token.associateHere = (await createStaff(t, token.admin, 'ASSOCIATE', A.id)).token;
    token.managerHere = (await createStaff(t, token.admin, 'MANAGER', A.id)).token;
    token.associateElsewhere = (await createStaff(t, token.admin, 'ASSOCIATE', B.id)).token;
    memberAtA = (await createStaff(t, token.admin, 'ASSOCIATE', A.id)).id; // the one staffDeactivate and staffUpdate act on
    const alice = await registerShopper(t);
    token.customer = alice.token;
    customerId = alice.id;
    token.otherCustomer = (await registerShopper(t)).token;
    erasableId = (await registerShopper(t)).id; // the one customerErase acts on (erasing alice would end her rows)
    promotionId = (
      await t.gql(
        `mutation($i: PromotionCreateInput!) { promotionCreate(input: $i) { promotion { id } } }`,
        { i: { code: unique('MX'), percentOff: 5 } },
        { token: token.admin },
      )
    ).data.promotionCreate.promotion.id;
    const made = await createProduct(t, token.admin, { sizes: ['S', 'M'] });
    v = made.variants;
    productId = made.id;
    spareProductId = (await createProduct(t, token.admin)).id; // the one archived and unarchived
    await adjust(t, token.admin, A.id, v[0].sku, 5);
    const cart = (await t.gql(Q.me, {}, { token: alice.token })).data.me.cart;
    await addLines(t, cart.id, [pickup(v[0].id, A.id)], { token: alice.token });
    const order = (await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: randomUUID() } }, { token: alice.token })).data
      .checkout.order;
    orderId = order.id;
    orderNumber = order.number;
    fulfillmentId = order.fulfillments[0].id;
    cartId = (await t.gql(Q.me, {}, { token: alice.token })).data.me.cart.id; // the fresh, empty one
  });
  afterAll(() => t?.close());

  const E = 'userErrors { code }';
  const window = { from: new Date(Date.now() - 86400e3).toISOString(), to: new Date(Date.now() + 86400e3).toISOString() };
  // Kept as a table: one row per operation, with who may run it.
  // prettier-ignore
  const MATRIX: [string, () => [string, Record<string, unknown>], Caller[]][] = [
    ['locationCreate', () => [`mutation($i: LocationCreateInput!) { locationCreate(input: $i) { ${E} } }`, { i: { code: unique('M'), name: 'M', type: 'STORE', geo: { lat: 1, lng: 1 } } }], ['admin']],
    ['staffCreate (an associate at A)', () => [`mutation($i: StaffCreateInput!) { staffCreate(input: $i) { ${E} } }`, { i: { email: `${unique('m')}@test.example`.toLowerCase(), password: 'Correct-Horse-1', role: 'ASSOCIATE', locationId: A.id } }], ['managerHere', 'admin']],
    ['productCreate', () => [`mutation($i: ProductCreateInput!) { productCreate(input: $i) { ${E} } }`, { i: { slug: unique('m').toLowerCase(), name: 'M', variants: [{ sku: unique('M'), price: { amount: 1, currency: 'EUR' } }] } }], ['admin']],
    ['productUpdate', () => [`mutation($id: ID!) { productUpdate(id: $id, input: { description: "Matrix" }) { ${E} } }`, { id: productId }], ['admin']],
    ['productArchive', () => [`mutation($id: ID!) { productArchive(id: $id) { ${E} } }`, { id: spareProductId }], ['admin']],
    ['productUnarchive', () => [`mutation($id: ID!) { productUnarchive(id: $id) { ${E} } }`, { id: spareProductId }], ['admin']],
    ['variantsAdd', () => [`mutation($id: ID!, $v: [VariantInput!]!) { variantsAdd(productId: $id, variants: $v) { ${E} } }`, { id: spareProductId, v: [{ sku: unique('M'), price: { amount: 1, currency: 'EUR' } }] }], ['admin']],
    ['variantUpdate', () => [`mutation($i: VariantUpdateInput!) { variantUpdate(input: $i) { ${E} } }`, { i: { sku: v[1].sku, price: { amount: 12900, currency: 'EUR' } } }], ['admin']],
    ['stockAdjust at A', () => [`mutation($i: StockAdjustInput!) { stockAdjust(input: $i) { ${E} } }`, { i: { locationId: A.id, sku: v[1].sku, delta: 1 } }], STAFF_HERE],
    ['promotionCreate', () => [`mutation($i: PromotionCreateInput!) { promotionCreate(input: $i) { ${E} } }`, { i: { code: unique('M'), percentOff: 5 } }], ['admin']],
    ['cartLinesAdd to the customer\'s cart', () => [`mutation($c: ID!, $l: [CartLineInput!]!) { cartLinesAdd(cartId: $c, lines: $l) { ${E} } }`, { c: cartId, l: [{ variantId: v[1].id, quantity: 1, fulfillment: { type: 'DELIVERY' } }] }], ['customer', ...ALL_STAFF]],
    ['cartLinesUpdate on the customer\'s cart', () => [`mutation($c: ID!, $l: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $c, lines: $l) { ${E} } }`, { c: cartId, l: [{ id: randomUUID(), quantity: 1 }] }], ['customer', ...ALL_STAFF]],
    ['cartLinesRemove on the customer\'s cart', () => [`mutation($c: ID!, $l: [ID!]!) { cartLinesRemove(cartId: $c, lineIds: $l) { ${E} } }`, { c: cartId, l: [randomUUID()] }], ['customer', ...ALL_STAFF]],
    ['cartDiscountCodesUpdate on the customer\'s cart', () => [`mutation($c: ID!) { cartDiscountCodesUpdate(cartId: $c, codes: []) { ${E} } }`, { c: cartId }], ['customer', ...ALL_STAFF]],
    ['cart(id) of the customer', () => [`query($c: ID!) { cart(id: $c) { id } }`, { c: cartId }], ['customer', ...ALL_STAFF]],
    ['checkout of the customer\'s cart', () => [`mutation($i: CheckoutInput!) { checkout(input: $i) { ${E} } }`, { i: { cartId, idempotencyKey: randomUUID() } }], ['customer', ...ALL_STAFF]],
    ['assistedOrderCreate at A', () => [`mutation($i: AssistedOrderInput!) { assistedOrderCreate(input: $i) { ${E} } }`, { i: { locationId: A.id, customerId, idempotencyKey: randomUUID(), lines: [{ variantId: v[1].id, quantity: 9 }], delivery: { type: 'PICKUP', locationId: A.id } } }], STAFF_HERE],
    ['order(id)', () => [`query($id: ID!) { order(id: $id) { id } }`, { id: orderId }], ['customer', ...STAFF_HERE]],
    ['fulfillmentMarkReady at A', () => [`mutation($id: ID!) { fulfillmentMarkReady(id: $id) { ${E} } }`, { id: fulfillmentId }], STAFF_HERE],
    ['fulfillmentCollect at A', () => [`mutation($id: ID!) { fulfillmentCollect(id: $id, pickupCode: "WRONG9") { ${E} } }`, { id: fulfillmentId }], STAFF_HERE],
    ['fulfillmentCollectPartial at A', () => [`mutation($id: ID!, $l: [CollectLineInput!]!) { fulfillmentCollectPartial(id: $id, pickupCode: "WRONG9", lines: $l) { ${E} } }`, { id: fulfillmentId, l: [{ variantId: v[0].id, quantity: 1 }] }], STAFF_HERE],
    ['fulfillmentShip from A', () => [`mutation($id: ID!) { fulfillmentShip(id: $id) { ${E} } }`, { id: fulfillmentId }], STAFF_HERE],
    ['fulfillmentReceive at A', () => [`mutation($id: ID!) { fulfillmentReceive(id: $id) { ${E} } }`, { id: fulfillmentId }], STAFF_HERE],
    ['fulfillmentMarkDelivered from A', () => [`mutation($id: ID!) { fulfillmentMarkDelivered(id: $id) { ${E} } }`, { id: fulfillmentId }], STAFF_HERE],
    ['fulfillmentReportShortage at A (more than held: refused after access)', () => [`mutation($id: ID!, $l: [ShortageLineInput!]!) { fulfillmentReportShortage(id: $id, lines: $l) { ${E} } }`, { id: fulfillmentId, l: [{ variantId: v[0].id, quantity: 99 }] }], STAFF_HERE],
    ['pickupUnlock at A', () => [`mutation($id: ID!) { pickupUnlock(id: $id) { ${E} } }`, { id: fulfillmentId }], ['managerHere', 'admin']],
    ['orderCancel', () => [`mutation($id: ID!) { orderCancel(id: $id) { ${E} } }`, { id: orderId }], ['customer', ...STAFF_HERE]],
    ['stockLevel', () => [`query($l: ID!, $s: String!) { stockLevel(locationId: $l, sku: $s) { onHand } }`, { l: A.id, s: v[0].sku }], ALL_STAFF],
    ['orders (their own location\'s)', () => [`query { orders(first: 5) { totalCount edges { node { id } } } }`, {}], ALL_STAFF],
    ['orders at A', () => [`query($l: ID!) { orders(first: 5, filter: { locationId: $l }) { totalCount } }`, { l: A.id }], STAFF_HERE],
    ['orderByNumber', () => [`query($n: String!) { orderByNumber(number: $n) { id } }`, { n: orderNumber }], STAFF_HERE],
    ['stockMovements at A', () => [`query($l: ID!, $s: String!) { stockMovements(locationId: $l, sku: $s, first: 5) { edges { node { id } } } }`, { l: A.id, s: v[0].sku }], STAFF_HERE],
    ['customer(id).orderHistory', () => [`query($id: ID!) { customer(id: $id) { orderHistory(first: 5) { totalCount } } }`, { id: customerId }], ALL_STAFF],
    ['customerLookup', () => [`query { customerLookup(query: "nobody@test.example") { id } }`, {}], ALL_STAFF],
    ['customer(id)', () => [`query($id: ID!) { customer(id: $id) { id } }`, { id: customerId }], ALL_STAFF],
    ['pickupQueue at A', () => [`query($l: ID!) { pickupQueue(locationId: $l) { id } }`, { l: A.id }], STAFF_HERE],
    ['pickList at A', () => [`query($l: ID!) { pickList(locationId: $l) { quantity } }`, { l: A.id }], STAFF_HERE],
    ['sourcingOptions', () => [`query($s: String!, $l: ID!) { sourcingOptions(sku: $s, quantity: 1, destinationLocationId: $l) { available } }`, { s: v[0].sku, l: A.id }], ALL_STAFF],
    ['channelReport', () => [`query($from: DateTime!, $to: DateTime!) { channelReport(from: $from, to: $to) { orders } }`, window], ['managerHere', 'admin']],
    ['clickAndCollectReport', () => [`query($from: DateTime!, $to: DateTime!) { clickAndCollectReport(from: $from, to: $to) { collected } }`, window], ['managerHere', 'admin']],
    ['endlessAisleReport', () => [`query($from: DateTime!, $to: DateTime!) { endlessAisleReport(from: $from, to: $to) { orders } }`, window], ['managerHere', 'admin']],
    ['dailySales', () => [`query($from: DateTime!, $to: DateTime!) { dailySales(from: $from, to: $to) { orders } }`, window], ['managerHere', 'admin']],
    ['staffUpdate', () => [`mutation($id: ID!) { staffUpdate(id: $id, input: { name: "Renamed" }) { ${E} } }`, { id: memberAtA }], ['admin']],
    ['staffDeactivate (an associate at A)', () => [`mutation($id: ID!) { staffDeactivate(id: $id) { ${E} } }`, { id: memberAtA }], ['managerHere', 'admin']],
    ['locationUpdate of A', () => [`mutation($id: ID!) { locationUpdate(id: $id, input: { name: "Store A" }) { ${E} } }`, { id: A.id }], ['admin']],
    ['promotions', () => [`query { promotions(activeOnly: true) { id active timesUsed } }`, {}], ['managerHere', 'admin']],
    ['promotionUpdate', () => [`mutation($id: ID!) { promotionUpdate(id: $id, input: { active: true }) { ${E} } }`, { id: promotionId }], ['admin']],
    ['staffMembers of A', () => [`query($l: ID) { staffMembers(locationId: $l) { id active } }`, { l: A.id }], ['managerHere', 'admin']],
    ['auditLog', () => [`query { auditLog(first: 1) { id action staff { id } } }`, {}], ['admin']],
    ['customerUpdate of the customer', () => [`mutation($id: ID!) { customerUpdate(id: $id, input: { marketingConsent: { email: true } }) { ${E} } }`, { id: customerId }], ['customer', ...ALL_STAFF]],
    ['webhookEndpointCreate', () => [`mutation($i: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $i) { secret ${E} } }`, { i: { url: 'http://127.0.0.1:9/hook', events: ['ORDER_PLACED'] } }], ['admin']],
    ['webhookEndpoints', () => [`query { webhookEndpoints { id url } }`, {}], ['admin']],
    ['webhookEndpointUpdate', () => [`mutation($id: ID!) { webhookEndpointUpdate(id: $id, input: { active: true }) { ${E} } }`, { id: randomUUID() }], ['admin']],
    ['webhookEndpointDelete', () => [`mutation($id: ID!) { webhookEndpointDelete(id: $id) { ${E} } }`, { id: randomUUID() }], ['admin']],
    ['webhookDeliveries', () => [`query($id: ID!) { webhookDeliveries(endpointId: $id, first: 5) { edges { cursor } } }`, { id: randomUUID() }], ['admin']],
    ['stockMarkUnsellable at A', () => [`mutation($i: StockQuantityInput!) { stockMarkUnsellable(input: $i) { ${E} } }`, { i: { locationId: A.id, sku: v[1].sku, quantity: 999 } }], STAFF_HERE],
    ['stockMarkSellable at A', () => [`mutation($i: StockQuantityInput!) { stockMarkSellable(input: $i) { ${E} } }`, { i: { locationId: A.id, sku: v[1].sku, quantity: 999 } }], STAFF_HERE],
    ['stockWriteOff at A', () => [`mutation($i: StockQuantityInput!) { stockWriteOff(input: $i) { ${E} } }`, { i: { locationId: A.id, sku: v[1].sku, quantity: 999 } }], STAFF_HERE],
    ['stockSafetySet at A', () => [`mutation($i: StockQuantityInput!) { stockSafetySet(input: $i) { ${E} } }`, { i: { locationId: A.id, sku: v[1].sku, quantity: 0 } }], STAFF_HERE],
    ['stockSafetyDefaultSet at A', () => [`mutation($i: SafetyStockDefaultInput!) { stockSafetyDefaultSet(input: $i) { ${E} } }`, { i: { locationId: A.id, category: 'none-here', quantity: 0 } }], ['managerHere', 'admin']],
    ['stockLevels at A', () => [`query($l: ID!) { stockLevels(locationId: $l, first: 5) { edges { cursor } } }`, { l: A.id }], STAFF_HERE],
    ['transferCreate from A (to itself: refused after access)', () => [`mutation($i: TransferCreateInput!) { transferCreate(input: $i) { ${E} } }`, { i: { fromLocationId: A.id, toLocationId: A.id, lines: [{ sku: v[1].sku, quantity: 1 }], idempotencyKey: randomUUID() } }], STAFF_HERE],
    ['transfers at A', () => [`query($l: ID!) { transfers(locationId: $l) { id } }`, { l: A.id }], STAFF_HERE],
    ['stockCountStart at A', () => [`mutation($i: StockCountStartInput!) { stockCountStart(input: $i) { ${E} } }`, { i: { locationId: A.id, skus: [v[1].sku] } }], STAFF_HERE],
    ['stockSet', () => [`mutation($i: StockSetInput!) { stockSet(input: $i) { ${E} } }`, { i: { locationId: A.id, reason: 'ERP', idempotencyKey: randomUUID(), items: [{ sku: v[1].sku, onHand: 50 }] } }], ['admin']],
    ['posSaleRecord at A', () => [`mutation($i: PosSaleInput!) { posSaleRecord(input: $i) { ${E} } }`, { i: { locationId: A.id, ticketNumber: 'MATRIX-1', soldAt: new Date().toISOString(), lines: [{ sku: 'NO-SUCH', quantity: 1, unitPrice: { amount: 100, currency: 'EUR' } }] } }], STAFF_HERE],
    ['bulkJob', () => [`query($id: ID!) { bulkJob(id: $id) { id } }`, { id: randomUUID() }], ['admin']],
    ['returnRequest of the customer\'s order', () => [`mutation($i: ReturnRequestInput!) { returnRequest(input: $i) { ${E} } }`, { i: { orderId, lines: [{ variantId: v[0].id, quantity: 1, reason: 'OTHER' }] } }], ['customer', ...ALL_STAFF]],
    ['returnCreate at A', () => [`mutation($i: ReturnCreateInput!) { returnCreate(input: $i) { ${E} } }`, { i: { orderId, locationId: A.id, idempotencyKey: randomUUID(), lines: [{ variantId: v[0].id, quantity: 1, reason: 'OTHER', disposition: 'RESTOCK' }] } }], STAFF_HERE],
    ['returnReceive at A', () => [`mutation($i: ReturnReceiveInput!) { returnReceive(input: $i) { ${E} } }`, { i: { returnId: randomUUID(), locationId: A.id, lines: [{ variantId: v[0].id, quantity: 1, disposition: 'RESTOCK' }] } }], STAFF_HERE],
    ['returnByNumber', () => [`query { returnByNumber(number: "R0") { id } }`, {}], ALL_STAFF],
    ['returnsReport', () => [`query($from: DateTime!, $to: DateTime!) { returnsReport(from: $from, to: $to) { returns } }`, window], ['managerHere', 'admin']],
    ['customerErase (another customer)', () => [`mutation($id: ID!) { customerErase(id: $id) { ${E} } }`, { id: erasableId }], ['admin']],
    // Last: the account's own sessions (a wrong current password changes nothing; signing out ends the caller's token).
    ['passwordChange', () => [`mutation { passwordChange(input: { currentPassword: "Wrong-Horse-1", newPassword: "Battery-Staple-2" }) { ${E} } }`, {}], ['customer', 'otherCustomer', ...ALL_STAFF]],
    ['signOut', () => [`mutation { signOut { ${E} } }`, {}], ['customer', 'otherCustomer', ...ALL_STAFF]],
  ];

  // Subscriptions, over WebSocket, before the session rows above end the callers' tokens.
  // Kept as a table: one row per operation.
  // prettier-ignore
  const SUBSCRIPTIONS: [string, () => [string, Record<string, unknown>], Caller[]][] = [
    ['stockChanged', () => [`subscription($l: ID!, $s: String!) { stockChanged(locationId: $l, sku: $s) { onHand } }`, { l: A.id, s: v[0].sku }], CALLERS],
    ['orderUpdated', () => [`subscription($id: ID!) { orderUpdated(id: $id) { id } }`, { id: orderId }], ['customer', ...STAFF_HERE]],
    ['pickupQueueChanged at A', () => [`subscription($l: ID!) { pickupQueueChanged(locationId: $l) { id } }`, { l: A.id }], STAFF_HERE],
  ];
  const wsCases = SUBSCRIPTIONS.flatMap(([name, op, allowed]) =>
    CALLERS.map((caller) => [name, caller, allowed.includes(caller), op] as const),
  );

  it.each(wsCases)('over WebSocket, %s as %s: allowed %s', async (_name, caller, allowed, op) => {
    const client = wsClient(url, token[caller]);
    try {
      const [query, variables] = op();
      const answer = await firstAnswer(client, query, variables, 300);
      if (allowed) expect({ caller, answer }).toEqual({ caller, answer: { kind: 'waiting' } });
      else
        expect({ caller, codes: answer.kind === 'errors' ? answer.errors.map((e) => e.extensions?.code) : answer }).toEqual({
          caller,
          codes: [expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN)$/)],
        });
    } finally {
      await client.dispose();
    }
  });

  it('over WebSocket, every query and mutation of the matrix is refused for every caller (they are for HTTP)', async () => {
    for (const caller of CALLERS) {
      const client = wsClient(url, token[caller]);
      try {
        for (const [name, op] of MATRIX) {
          const [query, variables] = op();
          const answer = await firstAnswer(client, query, variables);
          expect({ name, caller, codes: answer.kind === 'errors' ? answer.errors.map((e) => e.extensions?.code) : answer }).toEqual({
            name,
            caller,
            codes: ['BAD_REQUEST'],
          });
        }
      } finally {
        await client.dispose();
      }
    }
  });

  const cases = MATRIX.flatMap(([name, op, allowed]) => CALLERS.map((caller) => [name, caller, allowed.includes(caller), op] as const));

  it.each(cases)('%s as %s: allowed %s', async (_name, caller, allowed, op) => {
    const [query, variables] = op();
    const r = await t.gql(query, variables, { token: token[caller] });
    const thrown = codes(r).filter((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN');
    if (allowed)
      expect({ caller, thrown, other: codes(r) }).toEqual({
        caller,
        thrown: [],
        other: codes(r).filter((c) => c !== 'INTERNAL_SERVER_ERROR'),
      });
    else expect({ caller, refused: thrown.length === 1 && r.errors!.length === 1 }).toEqual({ caller, refused: true });
  });
});
