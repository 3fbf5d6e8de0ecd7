import { randomBytes } from 'node:crypto';
import { expect } from '@jest/globals';
import { ADMIN, type TestApp } from './test-app.js';

/** Unique per call, so tests never collide on codes, slugs, SKUs or emails. */
export const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`.toUpperCase();

const E = 'userErrors { code field message }';

export async function login(t: TestApp, email: string, password: string): Promise<string> {
  const r = await t.gql(`mutation($input: StaffLoginInput!) { staffLogin(input: $input) { token ${E} } }`, { input: { email, password } });
  expect(r.errors).toBeUndefined();
  expect(r.data.staffLogin.userErrors).toEqual([]);
  return r.data.staffLogin.token;
}

export const adminToken = (t: TestApp) => login(t, ADMIN.email, ADMIN.password);

export async function createLocation(t: TestApp, admin: string, over: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  const input = {
    code: unique('LOC'),
    name: 'Test store',
    type: 'STORE',
    geo: { lat: 48.8566, lng: 2.3522 },
    address: { line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' },
    pickupHold: 'PT48H',
    ...over,
  };
  const r = await t.gql(
    `mutation($input: LocationCreateInput!) { locationCreate(input: $input) { location { id code } ${E} } }`,
    { input },
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.locationCreate.userErrors).toEqual([]);
  return r.data.locationCreate.location;
}

export async function createStaff(
  t: TestApp,
  admin: string,
  role: string,
  locationId: string | null,
): Promise<{ id: string; token: string }> {
  const email = `${unique(role)}@test.example`.toLowerCase();
  const password = 'Correct-Horse-1';
  const r = await t.gql(
    `mutation($input: StaffCreateInput!) { staffCreate(input: $input) { staff { id } ${E} } }`,
    { input: { email, password, role, locationId } },
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.staffCreate.userErrors).toEqual([]);
  return { id: r.data.staffCreate.staff.id, token: await login(t, email, password) };
}

export async function createProduct(
  t: TestApp,
  admin: string,
  over: { name?: string; category?: string; sizes?: string[]; price?: number } = {},
) {
  const key = unique('P');
  const sizes = over.sizes ?? ['S', 'M', 'L'];
  const input = {
    slug: key.toLowerCase(),
    name: over.name ?? `Product ${key}`,
    category: over.category ?? 'coats',
    brand: 'Test',
    variants: sizes.map((size) => ({
      sku: `${key}-${size}`,
      size,
      colour: 'navy',
      price: { amount: over.price ?? 12900, currency: 'EUR' },
    })),
  };
  const r = await t.gql(
    `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id slug name variants { id sku size } } ${E} } }`,
    { input },
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.productCreate.userErrors).toEqual([]);
  return r.data.productCreate.product as { id: string; slug: string; name: string; variants: { id: string; sku: string; size: string }[] };
}

export async function adjust(t: TestApp, token: string, locationId: string, sku: string, delta: number, reason = 'RECEIPT') {
  return t.gql(
    `mutation($input: StockAdjustInput!) { stockAdjust(input: $input) { stockLevel { onHand reserved available } ${E} } }`,
    { input: { locationId, sku, delta, reason } },
    { token },
  );
}
