import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../errors/api-errors.js';
import { exactAmount, MoneyTotal } from './money-total.model.js';

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (err) {
    return err instanceof ApiError ? err.extensions.code : err;
  }
  return undefined;
};

describe('exact totals', () => {
  it('reads PostgreSQL sums exactly up to 2^53 - 1 and refuses beyond rather than round', () => {
    expect(exactAmount('6442450941')).toBe(6442450941);
    expect(exactAmount('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(codeOf(() => exactAmount('9007199254740993'))).toBe('AMOUNT_TOO_LARGE'); // would read as 2^53
    expect(codeOf(() => exactAmount('12.5'))).toBe('AMOUNT_TOO_LARGE');
  });

  it('is a Money while it fits a 32-bit Int, and AMOUNT_TOO_LARGE naming the field to read past it', () => {
    expect(MoneyTotal.of(2 ** 31 - 1, 'EUR').toMoney('revenueTotal')).toEqual({ amount: 2 ** 31 - 1, currency: 'EUR' });
    expect(() => MoneyTotal.of(2 ** 31, 'EUR').toMoney('revenueTotal')).toThrow(/read revenueTotal/);
    expect(codeOf(() => MoneyTotal.of(2 ** 31, 'EUR').toMoney('revenueTotal'))).toBe('AMOUNT_TOO_LARGE');
  });
});
