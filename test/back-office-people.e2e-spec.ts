import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adjust, adminToken, createLocation, createProduct, createStaff, unique } from './support/factories.js';
import { ADDRESS, addLines, delivery, guestCart, O, pickup, Q, registerShopper } from './support/shoppers.js';
import { codes, startTestApp, type TestApp } from './support/test-app.js';

const E = 'userErrors { code field message }';
const LOCATION_UPDATE = `mutation($id: ID!, $input: LocationUpdateInput!) { locationUpdate(id: $id, input: $input) {
  location { id name pickupEnabled pickupHold timeZone address { line1 city postalCode country } openingHours { day opens closes } } ${E} } }`;
const LOCATION = `query($id: ID!) { location(id: $id) { name pickupHold openingHours { day } } }`;
const AUDIT = `query($first: Int!, $after: ID, $action: String, $subjectId: String) {
  auditLog(first: $first, after: $after, action: $action, subjectId: $subjectId) { id action subjectType subjectId before after createdAt staff { id email } } }`;
const PROMOTIONS = `query($activeOnly: Boolean) { promotions(activeOnly: $activeOnly) { id code active timesUsed usageLimit endsAt } }`;
const PROMOTION_UPDATE = `mutation($id: ID!, $input: PromotionUpdateInput!) { promotionUpdate(id: $id, input: $input) {
  promotion { id code active timesUsed usageLimit endsAt } ${E} } }`;
const STAFF_MEMBERS = `query($locationId: ID) { staffMembers(locationId: $locationId) { id email active role name location { id } } }`;
const STAFF_DEACTIVATE = `mutation($id: ID!) { staffDeactivate(id: $id) { staff { id active } ${E} } }`;
const CONSENT = 'marketingConsent { email sms updatedAt emailUpdatedAt smsUpdatedAt collectedVia collectedByStaffId }';
const CUSTOMER_UPDATE = `mutation($id: ID!, $input: CustomerUpdateInput!) { customerUpdate(id: $id, input: $input) {
  customer { id name phone ${CONSENT} } ${E} } }`;
const CUSTOMER_ERASE = `mutation($id: ID!) { customerErase(id: $id) { customer { id email name phone erasedAt } ${E} } }`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id email name phone erasedAt ${CONSENT} } }`;
const LOOKUP = `query($query: String!) { customerLookup(query: $query) { id email name } }`;

/** A French mobile number no other test uses, in E.164 and as people type it at home. */
function frenchMobile(): { e164: string; national: string } {
  const digits = String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '0');
  const national = `07${digits}`;
  return { e164: `+337${digits}`, national: national.replace(/(\d\d)(?=\d)/g, '$1 ') };
}

describe('back office: locations, promotions, staff, the audit log and customers', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let A: { id: string };
  let B: { id: string };
  let manager: { id: string; token: string };
  let associate: { id: string; token: string };
  let v: { id: string; sku: string }[];

  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
    const [row] = await t.db.query(`SELECT id FROM staff WHERE lower(email) = 'admin@test.example'`);
    adminId = row.id;
    A = await createLocation(t, admin, { shipsOrders: true }); // the erased customer's delivery comes from here
    B = await createLocation(t, admin);
    manager = await createStaff(t, admin, 'MANAGER', A.id);
    associate = await createStaff(t, admin, 'ASSOCIATE', A.id);
    v = (await createProduct(t, admin, { sizes: ['S', 'M'], price: 10000 })).variants;
    for (const x of v) await adjust(t, admin, A.id, x.sku, 20);
  });
  afterAll(() => t?.close());

  const auditOf = async (subjectId: string, action?: string) =>
    (await t.gql(AUDIT, { first: 100, subjectId, action }, { token: admin })).data.auditLog as {
      action: string;
      before: string | null;
      after: string | null;
      staff: { id: string } | null;
      subjectType: string;
    }[];

  describe('locationUpdate', () => {
    it('changes the fields given, leaves the others, and audits the change with before and after', async () => {
      const store = await createLocation(t, admin, { name: 'Before' });
      const r = await t.gql(
        LOCATION_UPDATE,
        {
          id: store.id,
          input: {
            name: 'After',
            pickupHold: 'P1D',
            openingHours: [{ day: 'SAT', opens: '10:00', closes: '18:00' }],
            address: { line1: '2 place Bellecour', city: 'Lyon', postalCode: '69002', country: 'FR' },
          },
        },
        { token: admin },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.locationUpdate).toEqual({
        location: expect.objectContaining({
          name: 'After',
          pickupHold: 'PT24H',
          pickupEnabled: true,
          timeZone: 'Europe/Paris',
          address: { line1: '2 place Bellecour', city: 'Lyon', postalCode: '69002', country: 'FR' },
          openingHours: [{ day: 'SAT', opens: '10:00', closes: '18:00' }],
        }),
        userErrors: [],
      });
      expect((await t.gql(LOCATION, { id: store.id })).data.location).toEqual({
        name: 'After',
        pickupHold: 'PT24H',
        openingHours: [{ day: 'SAT' }],
      });
      const [entry, created, ...others] = await auditOf(store.id);
      expect(others).toEqual([]);
      expect(created).toMatchObject({ action: 'LOCATION_CREATED', before: null, staff: { id: adminId } });
      expect(JSON.parse(created.after!)).toMatchObject({ name: 'Before', type: 'STORE', pickupHold: 'PT48H' });
      expect(entry).toMatchObject({ action: 'LOCATION_UPDATED', subjectType: 'Location', staff: { id: adminId } });
      expect(JSON.parse(entry.before!)).toMatchObject({
        name: 'Before',
        pickupHoldSeconds: 'PT48H',
        addressCity: 'Paris',
        openingHours: [],
      });
      expect(JSON.parse(entry.after!)).toMatchObject({ name: 'After', pickupHoldSeconds: 'PT24H', addressCity: 'Lyon' });
      expect(Object.keys(JSON.parse(entry.after!))).not.toContain('timeZone'); // only what changed
    });

    it('refuses a bad duration, time zone, warehouse pickup or opening hour and changes nothing, writing no entry', async () => {
      const store = await createLocation(t, admin, { name: 'Kept' });
      const warehouse = await createLocation(t, admin, { type: 'WAREHOUSE', pickupHold: undefined });
      const refusals: [string, Record<string, unknown>, string][] = [
        [store.id, { name: 'Changed', pickupHold: '48 hours' }, 'INVALID_DURATION'],
        [store.id, { name: 'Changed', pickupHold: 'P1M' }, 'INVALID_DURATION'],
        [store.id, { name: 'Changed', timeZone: 'Mars/Olympus' }, 'INVALID_TIME_ZONE'],
        [warehouse.id, { name: 'Changed', pickupEnabled: true }, 'PICKUP_NOT_AVAILABLE'],
      ];
      for (const [id, input, code] of refusals) {
        const r = await t.gql(LOCATION_UPDATE, { id, input }, { token: admin });
        expect(r.data.locationUpdate).toEqual({ location: null, userErrors: [expect.objectContaining({ code })] });
      }
      for (const input of [
        { name: '' },
        { openingHours: [{ day: 'MON', opens: '25:00', closes: '19:00' }] },
        { geo: { lat: 95, lng: 0 } },
        { address: { line1: 'x', city: 'y', postalCode: 'z', country: 'France' } },
      ]) {
        expect(codes(await t.gql(LOCATION_UPDATE, { id: store.id, input }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
      }
      expect((await t.gql(LOCATION, { id: store.id })).data.location).toMatchObject({ name: 'Kept', pickupHold: 'PT48H' });
      expect((await auditOf(store.id)).map((e) => e.action)).toEqual(['LOCATION_CREATED']);
      expect((await auditOf(warehouse.id)).map((e) => e.action)).toEqual(['LOCATION_CREATED']);
    });

    it('is for admins; an unknown id is NOT_FOUND', async () => {
      const input = { name: 'X' };
      expect(codes(await t.gql(LOCATION_UPDATE, { id: A.id, input }, { token: manager.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(LOCATION_UPDATE, { id: A.id, input }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(LOCATION_UPDATE, { id: randomUUID(), input }, { token: admin }))).toEqual(['NOT_FOUND']);
    });
  });

  describe('promotions', () => {
    const create = async (over: Record<string, unknown> = {}) => {
      const r = await t.gql(Q.promotionCreate, { input: { code: unique('BO'), percentOff: 10, ...over } }, { token: admin });
      expect(r.data.promotionCreate.userErrors).toEqual([]);
      return r.data.promotionCreate.promotion as { id: string; code: string };
    };
    const cartWithCode = async (code: string) => {
      const cart = await guestCart(t);
      await addLines(t, cart.id, [pickup(v[0].id, A.id)]);
      const r = await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [code] });
      expect(r.data.cartDiscountCodesUpdate.userErrors).toEqual([]);
      expect(r.data.cartDiscountCodesUpdate.cart.cost.discount.amount).toBe(1000);
      return cart.id;
    };

    it('switching a code off refuses it to new carts and takes it from carts that hold it, at once', async () => {
      const promo = await create();
      const holding = await cartWithCode(promo.code);
      const off = await t.gql(PROMOTION_UPDATE, { id: promo.id, input: { active: false } }, { token: admin });
      expect(off.data.promotionUpdate).toEqual({ promotion: expect.objectContaining({ active: false }), userErrors: [] });

      const cart = (await t.gql(Q.cartDiscountCodesUpdate, { cartId: holding, codes: [promo.code] })).data.cartDiscountCodesUpdate;
      expect(cart.userErrors).toEqual([expect.objectContaining({ code: 'DISCOUNT_NOT_APPLICABLE' })]);
      const held = (await t.gql(Q.cart, { id: holding })).data.cart;
      expect(held.cost.discount.amount).toBe(0);
      expect(held.cost.total.amount).toBe(10000);
      const fresh = await guestCart(t);
      await addLines(t, fresh.id, [pickup(v[0].id, A.id)]);
      const refused = await t.gql(Q.cartDiscountCodesUpdate, { cartId: fresh.id, codes: [promo.code.toLowerCase()] });
      expect(refused.data.cartDiscountCodesUpdate.userErrors).toEqual([expect.objectContaining({ code: 'DISCOUNT_NOT_APPLICABLE' })]);

      // On again: it applies again.
      await t.gql(PROMOTION_UPDATE, { id: promo.id, input: { active: true } }, { token: admin });
      expect((await t.gql(Q.cart, { id: holding })).data.cart.cost.discount.amount).toBe(1000);
      expect((await auditOf(promo.id, 'PROMOTION_CREATED'))[0]).toMatchObject({ staff: { id: adminId } });
      const entries = await auditOf(promo.id, 'PROMOTION_UPDATED');
      expect(entries.map((e) => [JSON.parse(e.before!), JSON.parse(e.after!)])).toEqual([
        [{ active: false }, { active: true }],
        [{ active: true }, { active: false }],
      ]);
    });

    it('an end date in the past ends the code in carts that hold it', async () => {
      const promo = await create();
      const holding = await cartWithCode(promo.code);
      const endsAt = new Date(Date.now() - 1000).toISOString();
      const r = await t.gql(PROMOTION_UPDATE, { id: promo.id, input: { endsAt } }, { token: admin });
      expect(r.data.promotionUpdate.promotion.endsAt).toBe(endsAt);
      expect((await t.gql(Q.cart, { id: holding })).data.cart.cost.discount.amount).toBe(0);
      const listed = (await t.gql(PROMOTIONS, { activeOnly: true }, { token: admin })).data.promotions;
      expect(listed.map((p: { id: string }) => p.id)).not.toContain(promo.id);
    });

    it('lists codes with their uses; activeOnly leaves out those switched off; a limit below the uses is refused', async () => {
      const used = await create();
      const off = await create();
      await t.gql(PROMOTION_UPDATE, { id: off.id, input: { active: false } }, { token: admin });
      const shopper = await registerShopper(t);
      const cart = (await t.gql(Q.me, {}, { token: shopper.token })).data.me.cart;
      await addLines(t, cart.id, [pickup(v[0].id, A.id)], { token: shopper.token });
      await t.gql(Q.cartDiscountCodesUpdate, { cartId: cart.id, codes: [used.code] }, { token: shopper.token });
      const order = await t.gql(O.checkout, { input: { cartId: cart.id, idempotencyKey: randomUUID() } }, { token: shopper.token });
      expect(order.data.checkout.userErrors).toEqual([]);

      const all = (await t.gql(PROMOTIONS, {}, { token: admin })).data.promotions;
      expect(all.find((p: { id: string }) => p.id === used.id)).toMatchObject({ active: true, timesUsed: 1 });
      expect(all.find((p: { id: string }) => p.id === off.id)).toMatchObject({ active: false, timesUsed: 0 });
      const active = (await t.gql(PROMOTIONS, { activeOnly: true }, { token: manager.token })).data.promotions.map(
        (p: { id: string }) => p.id,
      );
      expect(active).toContain(used.id);
      expect(active).not.toContain(off.id);

      // A limit equal to the uses is allowed (the code is used up).
      const equal = await t.gql(PROMOTION_UPDATE, { id: used.id, input: { usageLimit: 1 } }, { token: admin });
      expect(equal.data.promotionUpdate).toEqual({ promotion: expect.objectContaining({ usageLimit: 1, timesUsed: 1 }), userErrors: [] });
      await t.gql(PROMOTION_UPDATE, { id: used.id, input: { usageLimit: 5 } }, { token: admin });
      const entriesBefore = (await auditOf(used.id)).length;
      expect(entriesBefore).toBe(3); // created, then two updates
      // Below the uses: a userError, nothing changed (not even the active flag given alongside), no entry.
      await t.db.query(`UPDATE promotion SET times_used = 3 WHERE id = $1`, [used.id]);
      const r = await t.gql(PROMOTION_UPDATE, { id: used.id, input: { usageLimit: 2, active: false } }, { token: admin });
      expect(r.data.promotionUpdate).toEqual({
        promotion: null,
        userErrors: [expect.objectContaining({ code: 'USAGE_LIMIT_BELOW_USES', field: ['usageLimit'] })],
      });
      const [row] = await t.db.query(`SELECT usage_limit, active FROM promotion WHERE id = $1`, [used.id]);
      expect(row).toEqual({ usage_limit: 5, active: true });
      expect(await auditOf(used.id)).toHaveLength(entriesBefore);
    });

    it('validates its input and is for admins (managers may read the list)', async () => {
      const promo = await create({ startsAt: new Date(Date.now() + 86400e3).toISOString() });
      for (const input of [{ usageLimit: 0 }, { usageLimit: -1 }, { endsAt: new Date().toISOString() }]) {
        expect(codes(await t.gql(PROMOTION_UPDATE, { id: promo.id, input }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
      }
      expect(codes(await t.gql(PROMOTION_UPDATE, { id: promo.id, input: { usageLimit: 'many' } }, { token: admin }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(codes(await t.gql(PROMOTION_UPDATE, { id: promo.id, input: { active: false } }, { token: manager.token }))).toEqual([
        'FORBIDDEN',
      ]);
      expect(codes(await t.gql(PROMOTION_UPDATE, { id: randomUUID(), input: { active: false } }, { token: admin }))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(PROMOTIONS, {}, { token: associate.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(PROMOTIONS, {}))).toEqual(['UNAUTHENTICATED']);
      const [row] = await t.db.query(`SELECT active, usage_limit FROM promotion WHERE id = $1`, [promo.id]);
      expect(row).toEqual({ active: true, usage_limit: null });
    });
  });

  describe('staffMembers', () => {
    it('admins list a location or everyone; managers their own location; associates nobody; leavers listed inactive', async () => {
      const leaver = await createStaff(t, admin, 'ASSOCIATE', A.id);
      const atB = await createStaff(t, admin, 'ASSOCIATE', B.id);
      expect((await t.gql(STAFF_DEACTIVATE, { id: leaver.id }, { token: manager.token })).data.staffDeactivate.userErrors).toEqual([]);

      const atA = (await t.gql(STAFF_MEMBERS, { locationId: A.id }, { token: admin })).data.staffMembers;
      expect(atA.map((s: { id: string }) => s.id).sort()).toEqual([manager.id, associate.id, leaver.id].sort());
      expect(atA.find((s: { id: string }) => s.id === leaver.id)).toMatchObject({
        active: false,
        role: 'ASSOCIATE',
        location: { id: A.id },
        email: expect.stringContaining('@'),
      });
      const everyone = (await t.gql(STAFF_MEMBERS, {}, { token: admin })).data.staffMembers.map((s: { id: string }) => s.id);
      expect(everyone).toEqual(expect.arrayContaining([manager.id, atB.id, adminId]));

      const mine = (await t.gql(STAFF_MEMBERS, { locationId: A.id }, { token: manager.token })).data.staffMembers;
      expect(mine).toHaveLength(3);
      expect(codes(await t.gql(STAFF_MEMBERS, { locationId: B.id }, { token: manager.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(STAFF_MEMBERS, {}, { token: manager.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(STAFF_MEMBERS, { locationId: A.id }, { token: associate.token }))).toEqual(['FORBIDDEN']);
      const shopper = await registerShopper(t);
      expect(codes(await t.gql(STAFF_MEMBERS, { locationId: A.id }, { token: shopper.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(STAFF_MEMBERS, { locationId: A.id }))).toEqual(['UNAUTHENTICATED']);
      expect((await auditOf(leaver.id, 'STAFF_DEACTIVATED'))[0]).toMatchObject({ staff: { id: manager.id } });
      const hired = await t.gql(
        `mutation($input: StaffCreateInput!) { staffCreate(input: $input) { staff { id } ${E} } }`,
        {
          input: {
            email: `${unique('hire')}@test.example`.toLowerCase(),
            password: 'Correct-Horse-1',
            role: 'ASSOCIATE',
            locationId: A.id,
          },
        },
        { token: manager.token },
      );
      const [hiring] = await auditOf(hired.data.staffCreate.staff.id);
      expect(hiring).toMatchObject({ action: 'STAFF_CREATED', staff: { id: manager.id } });
      expect(JSON.parse(hiring.after!)).toMatchObject({ role: 'ASSOCIATE', locationId: A.id, active: true });
    });
  });

  describe('auditLog', () => {
    it('newest first, pages with after, filters by action; admins only; first is bounded', async () => {
      const store = await createLocation(t, admin);
      for (const name of ['One', 'Two', 'Three']) await t.gql(LOCATION_UPDATE, { id: store.id, input: { name } }, { token: admin });
      const page = (await t.gql(AUDIT, { first: 2, subjectId: store.id }, { token: admin })).data.auditLog; // then its LOCATION_CREATED
      expect(page.map((e: { after: string }) => JSON.parse(e.after).name)).toEqual(['Three', 'Two']);
      const next = (await t.gql(AUDIT, { first: 2, subjectId: store.id, after: page[1].id }, { token: admin })).data.auditLog;
      expect(next.map((e: { action: string; after: string }) => [e.action, JSON.parse(e.after).name])).toEqual([
        ['LOCATION_UPDATED', 'One'],
        ['LOCATION_CREATED', 'Test store'],
      ]);
      const latest = (await t.gql(AUDIT, { first: 50 }, { token: admin })).data.auditLog;
      const times = latest.map((e: { createdAt: string }) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const only = (await t.gql(AUDIT, { first: 50, action: 'LOCATION_UPDATED' }, { token: admin })).data.auditLog;
      expect(new Set(only.map((e: { action: string }) => e.action))).toEqual(new Set(['LOCATION_UPDATED']));

      for (const first of [0, 101, -1]) expect(codes(await t.gql(AUDIT, { first }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(AUDIT, { first: 1, after: 'nope' }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(AUDIT, { first: 1 }, { token: manager.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(AUDIT, { first: 1 }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('customerUpdate', () => {
    it('the customer changes their own name, phone and consent; consent is dated and says where it was collected', async () => {
      const me = await registerShopper(t);
      const phone = frenchMobile();
      const before = Date.now();
      const r = await t.gql(
        CUSTOMER_UPDATE,
        { id: me.id, input: { name: '  Élodie Martin ', phone: phone.national, marketingConsent: { email: true } } },
        { token: me.token, channel: 'APP' },
      );
      expect(r.errors).toBeUndefined();
      const c = r.data.customerUpdate.customer;
      expect(r.data.customerUpdate.userErrors).toEqual([]);
      expect(c).toMatchObject({ name: 'Élodie Martin', phone: phone.e164 });
      expect(c.marketingConsent).toMatchObject({
        email: true,
        sms: false,
        smsUpdatedAt: null,
        collectedVia: 'APP',
        collectedByStaffId: null,
      });
      expect(Date.parse(c.marketingConsent.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(c.marketingConsent.emailUpdatedAt).toBe(c.marketingConsent.updatedAt);
      const [entry] = await auditOf(me.id, 'CUSTOMER_UPDATED');
      expect(entry.staff).toBeNull();
      expect(JSON.parse(entry.after!)).toMatchObject({
        name: 'Élodie Martin',
        phone: phone.e164,
        marketingEmail: true,
        collectedVia: 'APP',
      });
    });

    it('staff update a customer at the till: recorded with the store channel and who collected it', async () => {
      const shopper = await registerShopper(t);
      const r = await t.gql(
        CUSTOMER_UPDATE,
        { id: shopper.id, input: { marketingConsent: { sms: true, email: false } } },
        { token: associate.token, channel: 'STORE' },
      );
      expect(r.data.customerUpdate.customer.marketingConsent).toMatchObject({
        email: false,
        sms: true,
        collectedVia: 'STORE',
        collectedByStaffId: associate.id,
      });
      const [entry] = await auditOf(shopper.id, 'CUSTOMER_UPDATED');
      expect(entry.staff).toEqual(expect.objectContaining({ id: associate.id }));
      expect(JSON.parse(entry.before!)).toEqual({ marketingSms: false });
    });

    it('another customer is FORBIDDEN, a guest UNAUTHENTICATED, bad input BAD_USER_INPUT, and nothing changes', async () => {
      const shopper = await registerShopper(t);
      const other = await registerShopper(t);
      const input = { name: 'Taken over' };
      expect(codes(await t.gql(CUSTOMER_UPDATE, { id: shopper.id, input }, { token: other.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(CUSTOMER_UPDATE, { id: shopper.id, input }))).toEqual(['UNAUTHENTICATED']);
      for (const bad of [
        { name: '' },
        { phone: 'call me' },
        { phone: '12' },
        { phone: '+0 12 34 56 78' },
        { marketingConsent: { email: 'yes' } },
        { name: 'x'.repeat(201) },
        { unknown: 1 },
      ]) {
        expect(codes(await t.gql(CUSTOMER_UPDATE, { id: shopper.id, input: bad }, { token: shopper.token }))).toEqual(['BAD_USER_INPUT']);
      }
      expect(codes(await t.gql(CUSTOMER_UPDATE, { id: randomUUID(), input }, { token: admin }))).toEqual(['NOT_FOUND']);
      const now = (await t.gql(CUSTOMER, { id: shopper.id }, { token: admin })).data.customer;
      expect(now).toMatchObject({
        name: 'Test Shopper',
        phone: shopper.phone,
        marketingConsent: { email: false, sms: false, updatedAt: null },
      });
      expect(await auditOf(shopper.id)).toEqual([]);
    });
  });

  describe('customerErase', () => {
    it('two erasures at once: exactly one erases, the other is refused', async () => {
      const c = await registerShopper(t);
      const both = await Promise.all([0, 1].map(() => t.gql(CUSTOMER_ERASE, { id: c.id }, { token: admin })));
      const outcomes = both.map((r) => r.data.customerErase.userErrors[0]?.code ?? 'ERASED').sort();
      expect(outcomes).toEqual(['CUSTOMER_ERASED', 'ERASED']);
      expect(await auditOf(c.id, 'CUSTOMER_ERASED')).toHaveLength(1);
    });

    it("removes the customer's personal data from every table, ends sign-in and sessions, and keeps the orders", async () => {
      const c = await registerShopper(t);
      const name = `Zoé ${unique('Erasable')}`;
      const phone = frenchMobile();
      await t.gql(
        CUSTOMER_UPDATE,
        { id: c.id, input: { name, phone: phone.national, marketingConsent: { email: true, sms: true } } },
        { token: c.token },
      );
      const cart = (await t.gql(Q.me, {}, { token: c.token })).data.me.cart;
      await addLines(t, cart.id, [delivery(v[1].id)], { token: c.token });
      const placed = await t.gql(
        O.checkout,
        { input: { cartId: cart.id, idempotencyKey: randomUUID(), shippingAddress: { ...ADDRESS, line1: `${name} street` } } },
        { token: c.token },
      );
      expect(placed.data.checkout.userErrors).toEqual([]);
      const order = placed.data.checkout.order;
      // A guest order with the same email is theirs too; a fresh cart with a line is in progress.
      const guest = await guestCart(t);
      await addLines(t, guest.id, [pickup(v[0].id, A.id)]);
      const guestOrder = await t.gql(O.checkout, {
        input: { cartId: guest.id, idempotencyKey: randomUUID(), contact: { email: c.email.toUpperCase(), name, phone: phone.e164 } },
      });
      expect(guestOrder.data.checkout.userErrors).toEqual([]);
      const open = (await t.gql(Q.me, {}, { token: c.token })).data.me.cart;
      await addLines(t, open.id, [pickup(v[0].id, A.id)], { token: c.token });

      const orderIds = [order.id, guestOrder.data.checkout.order.id];
      const everything = async () =>
        JSON.stringify([
          await t.db.query(`SELECT * FROM customer WHERE id = $1`, [c.id]),
          await t.db.query(
            `SELECT c.*, (SELECT json_agg(l) FROM cart_line l WHERE l.cart_id = c.id) AS lines FROM cart c WHERE c.customer_id = $1 OR c.id = $2`,
            [c.id, guest.id],
          ),
          await t.db.query(`SELECT * FROM customer_order WHERE id = ANY($1::uuid[])`, [orderIds]),
          await t.db.query(`SELECT * FROM notification WHERE order_id = ANY($1::uuid[])`, [orderIds]),
          await t.db.query(`SELECT * FROM audit_entry WHERE subject_id = $1`, [c.id]),
        ]).toLowerCase();
      const personal = [c.email.toLowerCase(), name.toLowerCase(), 'erasable', phone.e164, phone.e164.slice(1), c.phone];
      const held = await everything();
      for (const p of personal.slice(0, 4)) expect({ p, found: held.includes(p) }).toEqual({ p, found: true }); // the check can fail
      expect(held).toContain(`${name.toLowerCase()} street`);

      expect(codes(await t.gql(CUSTOMER_ERASE, { id: c.id }, { token: manager.token }))).toEqual(['FORBIDDEN']);
      const r = await t.gql(CUSTOMER_ERASE, { id: c.id }, { token: admin });
      expect(r.errors).toBeUndefined();
      expect(r.data.customerErase).toEqual({
        customer: { id: c.id, email: `erased-${c.id}@erased.invalid`, name: null, phone: null, erasedAt: expect.any(String) },
        userErrors: [],
      });

      const left = await everything();
      for (const p of personal) expect({ p, found: left.includes(p) }).toEqual({ p, found: false });
      const [account] = await t.db.query(
        `SELECT marketing_email, marketing_sms, marketing_email_at, password_hash FROM customer WHERE id = $1`,
        [c.id],
      );
      expect(account).toEqual({ marketing_email: false, marketing_sms: false, marketing_email_at: null, password_hash: 'erased' });
      const [lines] = await t.db.query(`SELECT count(*)::int AS n FROM cart_line WHERE cart_id = $1`, [open.id]);
      expect(lines.n).toBe(0);
      const notes = await t.db.query(`SELECT status, recipient, payload FROM notification WHERE order_id = ANY($1::uuid[])`, [orderIds]);
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) expect(n).toMatchObject({ recipient: '[erased]', payload: {} });

      // Sign-in is refused, the old token is dead, the orders are kept for the accounts.
      const login = await t.gql(Q.login, { input: { email: c.email, password: c.password } });
      expect(login.data.login.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
      expect(codes(await t.gql(Q.me, {}, { token: c.token }))).toEqual(['UNAUTHENTICATED']);
      const kept = (await t.gql(O.order, { id: order.id }, { token: admin })).data.order;
      expect(kept).toMatchObject({ id: order.id, total: order.total, status: order.status });
      expect(kept.fulfillments[0].lines).toEqual(order.fulfillments[0].lines);
      const read = (await t.gql(CUSTOMER, { id: c.id }, { token: admin })).data.customer;
      expect(read.email).not.toBe(c.email);

      // Never found again; erasing or updating it again is refused.
      for (const query of [c.email, phone.national, name.slice(0, 6)])
        expect((await t.gql(LOOKUP, { query }, { token: admin })).data.customerLookup).toEqual([]);
      expect((await t.gql(CUSTOMER_ERASE, { id: c.id }, { token: admin })).data.customerErase.userErrors).toEqual([
        expect.objectContaining({ code: 'CUSTOMER_ERASED' }),
      ]);
      expect(
        (await t.gql(CUSTOMER_UPDATE, { id: c.id, input: { name: 'Back' } }, { token: admin })).data.customerUpdate.userErrors,
      ).toEqual([expect.objectContaining({ code: 'CUSTOMER_ERASED' })]);
      const [entry] = await auditOf(c.id, 'CUSTOMER_ERASED');
      expect(entry).toMatchObject({ staff: { id: adminId }, subjectType: 'Customer' });
      // The email address can be used for a new account.
      const again = await t.gql(Q.register, { input: { email: c.email, password: 'Correct-Horse-1' } });
      expect(again.data.register.userErrors).toEqual([]);
    });
  });

  describe('customerLookup', () => {
    it('finds by email in any case, phone in any common format and name prefix without accents; never for non-staff', async () => {
      const stem = unique('Lookup').toLowerCase().replace('-', '');
      const c = await registerShopper(t);
      const phone = frenchMobile();
      await t.gql(CUSTOMER_UPDATE, { id: c.id, input: { name: `Éloïse ${stem}`, phone: phone.e164 } }, { token: c.token });
      const found = async (query: string, token = associate.token) =>
        ((await t.gql(LOOKUP, { query }, { token })).data.customerLookup as { id: string }[]).map((x) => x.id);
      expect(await found(`  ${c.email.toUpperCase()} `)).toEqual([c.id]);
      const digits = phone.e164.slice(3);
      for (const typed of [
        phone.e164,
        `+33 ${digits.replace(/(\d)(\d\d)(\d\d)(\d\d)(\d\d)/, '$1 $2 $3 $4 $5')}`,
        phone.national,
        `0033${digits}`,
        `+33 (0)${digits}`,
        phone.national.replace(/ /g, '.'),
      ]) {
        expect({ typed, found: await found(typed) }).toEqual({ typed, found: [c.id] });
      }
      expect(await found(`eloise ${stem.slice(0, 8)}`)).toEqual([c.id]);
      expect(await found(`ÉLOÏSE ${stem}`)).toEqual([c.id]);
      expect(await found(`Éloïse ${stem}x`)).toEqual([]);
      expect(await found('%')).toEqual([]);
      expect(await found('_')).toEqual([]);

      const shopper = await registerShopper(t);
      expect(codes(await t.gql(LOOKUP, { query: c.email }, { token: shopper.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(LOOKUP, { query: c.email }))).toEqual(['UNAUTHENTICATED']);
    });

    it('answers at most 20 customers', async () => {
      const stem = unique('Many').toLowerCase().replace('-', '');
      const many = await Promise.all(Array.from({ length: 21 }, () => registerShopper(t)));
      for (const s of many) await t.gql(CUSTOMER_UPDATE, { id: s.id, input: { name: `${stem} ${s.id}` } }, { token: s.token });
      expect((await t.gql(LOOKUP, { query: stem }, { token: admin })).data.customerLookup).toHaveLength(20);
    });
  });
});
