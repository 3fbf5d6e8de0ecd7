import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { lineAmounts, type ReturnableLine } from '@app/orders';
import { placeOnLines, refundOf } from './return-lines.js';

const line = (over: Partial<ReturnableLine> & { orderLineId: string; variantId: string }): ReturnableLine => ({
  sku: over.variantId,
  position: 0,
  quantity: 1,
  unitPrice: 1000,
  handedOver: over.quantity ?? 1,
  handedOverAt: new Date('2026-12-01T10:00:00Z'),
  amount: 1000,
  ...over,
});

describe('refundOf: the price paid, unit by unit', () => {
  it('property: over random orders and random return sequences, full returns refund exactly the total, never a cent more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitPrice: fc.integer({ min: 0, max: 50_000 }), quantity: fc.integer({ min: 1, max: 6 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (raw, percentOff, picks) => {
          const priced = raw.map((l, i) => ({ ...l, position: i, fulfillmentId: 'f' }));
          const subtotal = priced.reduce((n, l) => n + l.unitPrice * l.quantity, 0);
          const discount = Math.round((subtotal * percentOff) / 100);
          const amounts = lineAmounts(priced, discount);
          const total = subtotal - Math.min(discount, subtotal);
          // Units come back in random batches, in random order of lines, until all are back.
          const back = priced.map(() => 0);
          let refunded = 0;
          let p = 0;
          while (back.some((b, i) => b < priced[i].quantity)) {
            const open = back.map((b, i) => i).filter((i) => back[i] < priced[i].quantity);
            const i = open[(picks[p++ % Math.max(picks.length, 1)] ?? 0) % open.length];
            const units = 1 + ((picks[p++ % Math.max(picks.length, 1)] ?? 0) % (priced[i].quantity - back[i]));
            const r = refundOf({ amount: amounts[i], quantity: priced[i].quantity }, back[i], units);
            expect(r).toBeGreaterThanOrEqual(0);
            refunded += r;
            back[i] += units;
            expect(refunded).toBeLessThanOrEqual(total);
          }
          expect(refunded).toBe(total);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a line partly collected refunds at most what its collected units were charged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        (amount, quantity, c) => {
          const collected = Math.min(c, quantity);
          const charged = refundOf({ amount, quantity }, 0, collected); // the capture shares the line the same way
          let refunded = 0;
          for (let k = 0; k < collected; k++) refunded += refundOf({ amount, quantity }, k, 1);
          expect(refunded).toBe(charged);
        },
      ),
    );
  });
});

describe('placeOnLines', () => {
  const now = new Date('2026-12-10T10:00:00Z');
  it('places units on the lines of their variant, first lines first, and refuses past what was handed over', () => {
    const lines = [
      line({ orderLineId: 'a', variantId: 'v', quantity: 2 }),
      line({ orderLineId: 'b', variantId: 'v', quantity: 1, position: 1 }),
    ];
    const placed = placeOnLines(lines, [{ variantId: 'v', quantity: 3 }], new Map(), 30, now);
    expect(placed.map((p) => [p.line.orderLineId, p.quantity])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(() =>
      placeOnLines(
        lines,
        [{ variantId: 'v', quantity: 1 }],
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
        30,
        now,
      ),
    ).toThrow(expect.objectContaining({ code: 'RETURN_QUANTITY_EXCEEDED' }));
    expect(() => placeOnLines(lines, [{ variantId: 'w', quantity: 1 }], new Map(), 30, now)).toThrow(
      expect.objectContaining({ code: 'RETURN_NOT_ALLOWED' }),
    );
  });

  it('the window: units handed over more than windowDays ago cannot come back', () => {
    const lines = [line({ orderLineId: 'a', variantId: 'v', handedOverAt: new Date('2026-11-09T10:00:00Z') })];
    expect(placeOnLines(lines, [{ variantId: 'v', quantity: 1 }], new Map(), 31, now)).toHaveLength(1);
    expect(() => placeOnLines(lines, [{ variantId: 'v', quantity: 1 }], new Map(), 30, now)).toThrow(
      expect.objectContaining({ code: 'RETURN_WINDOW_CLOSED' }),
    );
  });
});
