import { describe, expect, it } from '@jest/globals';
import { fulfillmentAmounts, lineAmounts, takenAmount } from './fulfillment-amounts.js';

const line = (fulfillmentId: string, position: number, unitPrice: number, quantity = 1) => ({
  fulfillmentId,
  position,
  unitPrice,
  quantity,
});

describe('fulfillmentAmounts', () => {
  it('gives each fulfilment its lines less their share of the discount, adding up to the total exactly', () => {
    const lines = [line('a', 0, 1000), line('b', 1, 1000), line('c', 2, 1000)];
    const amounts = fulfillmentAmounts(lines, 100); // 33.33… each: one unit of rounding goes to the first
    expect(Object.fromEntries(amounts)).toEqual({ a: 966, b: 967, c: 967 });
    expect([...amounts.values()].reduce((x, y) => x + y)).toBe(3000 - 100);
  });

  it('adds the lines of one fulfilment and shares by price and quantity', () => {
    const amounts = fulfillmentAmounts([line('a', 0, 2500, 2), line('a', 1, 1000), line('b', 2, 4000)], 1000);
    expect([...amounts.values()].reduce((x, y) => x + y)).toBe(10000 - 1000);
    expect(amounts.get('b')).toBe(3600);
  });

  it('never discounts a line below zero, nor past the subtotal', () => {
    expect(Object.fromEntries(fulfillmentAmounts([line('a', 0, 500), line('b', 1, 0)], 900))).toEqual({ a: 0, b: 0 });
    expect(Object.fromEntries(fulfillmentAmounts([line('a', 0, 700)], 0))).toEqual({ a: 700 });
  });
});

describe('lineAmounts and takenAmount', () => {
  it('a fulfilment taken whole is worth its amount exactly; a part, its units in proportion', () => {
    const lines = [line('a', 0, 1000, 3), line('a', 1, 1000), line('b', 2, 1000)];
    const net = lineAmounts(lines, 100);
    expect(net[0] + net[1]).toBe(fulfillmentAmounts(lines, 100).get('a'));
    expect(takenAmount(net[0], 3, 3)).toBe(net[0]);
    expect(takenAmount(net[0], 3, 1)).toBe(Math.floor(net[0] / 3));
    expect(takenAmount(net[0], 3, 0)).toBe(0);
  });
});
