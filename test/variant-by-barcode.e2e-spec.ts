import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createProduct } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const BY_BARCODE = `query($b: String!) { variantByBarcode(barcode: $b) { sku archived product { name } } }`;
const SET_BARCODE = `mutation($i: VariantUpdateInput!) { variantUpdate(input: $i) { variant { barcode } userErrors { code } } }`;

describe('variantByBarcode: what a scanner reads names one size', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ BACKGROUND_JOBS: 'false' });
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  it('finds the variant by its EAN, and nothing for another code or for text that is not a barcode', async () => {
    const product = await createProduct(t, admin, { sizes: ['M', 'L'] });
    const ean = `40${String(Date.now()).slice(-11)}`;
    const set = await t.gql(SET_BARCODE, { i: { sku: product.variants[1].sku, barcode: ean } }, { token: admin });
    expect(set.data.variantUpdate.userErrors).toEqual([]);
    const found = (await t.gql(BY_BARCODE, { b: ` ${ean} ` })).data.variantByBarcode;
    expect(found).toEqual({ sku: product.variants[1].sku, archived: false, product: { name: product.name } });
    expect((await t.gql(BY_BARCODE, { b: '0000000000000' })).data.variantByBarcode).toBeNull();
    expect((await t.gql(BY_BARCODE, { b: "1' OR '1'='1" })).data.variantByBarcode).toBeNull();
    expect((await t.gql(BY_BARCODE, { b: product.variants[1].sku })).data.variantByBarcode).toBeNull();
  });
});
