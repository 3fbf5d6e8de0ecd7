import { describe, expect, it } from '@jest/globals';
import { applyDiscounts, type PromotionTerms, refusalOf } from './discount-rules.js';

const promo = (over: Partial<PromotionTerms> = {}): PromotionTerms => ({
  id: 'p',
  code: 'CODE',
  percentOff: null,
  amountOff: null,
  currency: null,
  channels: null,
  startsAt: null,
  endsAt: null,
  minSubtotal: null,
  usageLimit: null,
  timesUsed: 0,
  active: true,
  ...over,
});
const now = new Date('2026-06-01T12:00:00Z');
const ctx = { channel: 'WEB', subtotal: 5800, currency: 'EUR', now };

describe('refusalOf', () => {
  it('accepts a plain percentage code', () => expect(refusalOf(promo({ percentOff: 10 }), ctx)).toBeNull());
  it('refuses outside its channels', () => {
    expect(refusalOf(promo({ percentOff: 10, channels: ['WEB', 'STORE'] }), { ...ctx, channel: 'APP' })?.code).toBe(
      'DISCOUNT_NOT_APPLICABLE',
    );
    expect(refusalOf(promo({ percentOff: 10, channels: ['WEB', 'STORE'] }), { ...ctx, channel: 'STORE' })).toBeNull();
  });
  it('refuses before the start and from the end (the end is exclusive)', () => {
    expect(refusalOf(promo({ percentOff: 10, startsAt: new Date('2026-06-02T00:00:00Z') }), ctx)?.code).toBe('DISCOUNT_NOT_APPLICABLE');
    expect(refusalOf(promo({ percentOff: 10, endsAt: now }), ctx)?.code).toBe('DISCOUNT_EXPIRED');
    expect(refusalOf(promo({ percentOff: 10, endsAt: new Date(now.getTime() + 1) }), ctx)).toBeNull();
  });
  it('refuses a code an admin switched off, whatever else holds', () => {
    expect(refusalOf(promo({ percentOff: 10, active: false }), ctx)?.code).toBe('DISCOUNT_NOT_APPLICABLE');
    expect(applyDiscounts([promo({ percentOff: 10, active: false })], ctx).discount).toBe(0);
  });

  it('refuses when used up', () => {
    expect(refusalOf(promo({ percentOff: 10, usageLimit: 3, timesUsed: 3 }), ctx)?.code).toBe('DISCOUNT_USED_UP');
    expect(refusalOf(promo({ percentOff: 10, usageLimit: 3, timesUsed: 2 }), ctx)).toBeNull();
  });
  it('refuses below the minimum subtotal or in another currency', () => {
    expect(refusalOf(promo({ percentOff: 10, minSubtotal: 5801, currency: 'EUR' }), ctx)?.code).toBe('DISCOUNT_NOT_APPLICABLE');
    expect(refusalOf(promo({ percentOff: 10, minSubtotal: 5800, currency: 'EUR' }), ctx)).toBeNull();
    expect(refusalOf(promo({ amountOff: 500, currency: 'GBP' }), ctx)?.code).toBe('DISCOUNT_NOT_APPLICABLE');
  });
});

describe('applyDiscounts', () => {
  it('ten percent off 2 x 29.00 is 5.80', () => expect(applyDiscounts([promo({ percentOff: 10 })], ctx).discount).toBe(580));
  it('rounds a percentage half up to the minor unit', () => {
    expect(applyDiscounts([promo({ percentOff: 10 })], { ...ctx, subtotal: 1005 }).discount).toBe(101);
    expect(applyDiscounts([promo({ percentOff: 10 })], { ...ctx, subtotal: 1004 }).discount).toBe(100);
    expect(applyDiscounts([promo({ percentOff: 15 })], { ...ctx, subtotal: 999 }).discount).toBe(150); // 149.85
    expect(applyDiscounts([promo({ percentOff: 33 })], { ...ctx, subtotal: 1 }).discount).toBe(0); // 0.33
  });
  it('applies codes in order, each to what is left, never beyond the subtotal', () => {
    const r = applyDiscounts([promo({ id: 'a', amountOff: 1000, currency: 'EUR' }), promo({ id: 'b', percentOff: 50 })], ctx);
    expect(r.applied.map((a) => a.amount)).toEqual([1000, 2400]);
    expect(r.discount).toBe(3400);
    const big = applyDiscounts([promo({ amountOff: 10_000, currency: 'EUR' }), promo({ percentOff: 100 })], ctx);
    expect(big.discount).toBe(5800);
    expect(big.applied.map((a) => a.amount)).toEqual([5800, 0]);
  });
  it('a refused code takes nothing and the others still apply', () => {
    const r = applyDiscounts([promo({ id: 'a', percentOff: 10, channels: ['APP'] }), promo({ id: 'b', percentOff: 10 })], ctx);
    expect(r.applied.map((a) => [a.amount, a.refusal?.code ?? null])).toEqual([
      [0, 'DISCOUNT_NOT_APPLICABLE'],
      [580, null],
    ]);
    expect(r.discount).toBe(580);
  });
  it('an empty cart gets no discount', () =>
    expect(applyDiscounts([promo({ amountOff: 500, currency: 'EUR' })], { ...ctx, subtotal: 0 }).discount).toBe(0));
});
