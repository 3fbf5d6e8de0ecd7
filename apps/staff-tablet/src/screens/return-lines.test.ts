import { describe, expect, it } from 'vitest';
import { NO_CHOICE, returnLinesInput, returnableBySku, unitsChosen, withReason } from './return-lines';

describe('the return-lines chooser', () => {
  it('counts what may still come back: bought less what requested or received returns hold', () => {
    const order = {
      lines: [
        { sku: 'A-M', quantity: 2 },
        { sku: 'B-S', quantity: 1 },
      ],
      returns: [
        { status: 'RECEIVED', lines: [{ quantity: 1, variant: { sku: 'A-M' } }] },
        { status: 'CANCELLED', lines: [{ quantity: 1, variant: { sku: 'B-S' } }] },
        { status: 'REQUESTED', lines: [{ quantity: 5, variant: { sku: 'B-S' } }] },
      ],
    };
    expect(returnableBySku(order)).toEqual({ 'A-M': 1, 'B-S': 0 });
  });

  it('builds returnCreate lines and exchange swaps, leaving out zero lines, unknown variants and same-size swaps', () => {
    const input = returnLinesInput(
      {
        'A-M': { ...NO_CHOICE, quantity: 1, exchangeVariantId: 'v-a-l' },
        'B-S': { ...NO_CHOICE, quantity: 0 },
        'C-S': { ...NO_CHOICE, quantity: 2, reason: 'CHANGED_MIND', exchangeVariantId: 'v-c-s' },
        'D-S': { ...NO_CHOICE, quantity: 1 },
      },
      { 'A-M': 'v-a-m', 'B-S': 'v-b-s', 'C-S': 'v-c-s' },
    );
    expect(input).toEqual({
      lines: [
        { variantId: 'v-a-m', quantity: 1, reason: 'SIZE_TOO_SMALL', disposition: 'RESTOCK' },
        { variantId: 'v-c-s', quantity: 2, reason: 'CHANGED_MIND', disposition: 'RESTOCK' },
      ],
      exchange: [{ returnedVariantId: 'v-a-m', variantId: 'v-a-l', quantity: 1 }],
    });
  });

  it('sends a damaged item back as damaged, and counts the units chosen', () => {
    expect(withReason(NO_CHOICE, 'DAMAGED').disposition).toBe('DAMAGED');
    expect(withReason({ ...NO_CHOICE, disposition: 'DAMAGED' }, 'OTHER').disposition).toBe('DAMAGED');
    expect(unitsChosen({ a: { ...NO_CHOICE, quantity: 2 }, b: { ...NO_CHOICE, quantity: 1 } })).toBe(3);
  });
});
