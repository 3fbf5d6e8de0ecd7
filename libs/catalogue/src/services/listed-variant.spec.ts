import { describe, expect, it } from '@jest/globals';
import { listedVariants } from './listed-variant.js';

describe('listedVariants', () => {
  // The columns as LISTED_VARIANTS_OF sends them: the aggregates' row order, not the variants' positions.
  const columns = [
    ['v2', 'v0'],
    [2, 0],
    ['SKU-L', 'SKU-S'],
    ['L', 'S'],
    ['navy', null],
    [5900, 4900],
    ['EUR', 'EUR'],
    [null, '3001'],
    [false, false],
    [0, 7],
  ];

  it('zips the columns into variants, in position order, with what each has free', () => {
    expect(listedVariants('p1', columns)).toEqual([
      {
        id: 'v0',
        productId: 'p1',
        position: 0,
        sku: 'SKU-S',
        size: 'S',
        colour: null,
        priceAmount: 4900,
        priceCurrency: 'EUR',
        barcode: '3001',
        productArchived: false,
        available: 7,
      },
      {
        id: 'v2',
        productId: 'p1',
        position: 2,
        sku: 'SKU-L',
        size: 'L',
        colour: 'navy',
        priceAmount: 5900,
        priceCurrency: 'EUR',
        barcode: null,
        productArchived: false,
        available: 0,
      },
    ]);
  });

  it('leaves availability out when it was not read', () => {
    expect(listedVariants('p1', columns.slice(0, 9)).map((v) => 'available' in v)).toEqual([false, false]);
  });

  it('gives no variants for a product without any (every column null) or no columns at all', () => {
    expect(listedVariants('p1', [null, null, null, null, null, null, null, null, null, null] as unknown as unknown[][])).toEqual([]);
    expect(listedVariants('p1', null)).toEqual([]);
  });
});
