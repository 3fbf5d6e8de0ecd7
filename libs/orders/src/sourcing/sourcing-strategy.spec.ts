import { describe, expect, it } from '@jest/globals';
import { loc } from './candidates.fixture.js';
import { WarehouseFirstNearestSourcing } from './sourcing-strategy.js';

const paris = { lat: 48.8566, lng: 2.35 };
const rule = new WarehouseFirstNearestSourcing();

describe('WarehouseFirstNearestSourcing', () => {
  it('prefers one location for the whole group, a warehouse before a store, the nearer warehouse first', () => {
    const candidates = [
      loc('B', 'STORE', 48.9, { x: 5, y: 5 }),
      loc('W-far', 'WAREHOUSE', 45.7, { x: 5, y: 5 }),
      loc('W-near', 'WAREHOUSE', 48.7, { x: 5, y: 5 }),
    ];
    const plan = rule.plan({
      lines: [
        { key: '0', variantId: 'x', quantity: 1 },
        { key: '1', variantId: 'y', quantity: 2 },
      ],
      candidates,
      destination: paris,
    });
    expect([...plan.sources]).toEqual([
      ['0', 'W-near'],
      ['1', 'W-near'],
    ]);
    expect(plan.unfilled).toEqual([]);
  });

  it('splits by line when no one location has everything; reports lines nobody can send whole', () => {
    const candidates = [loc('W', 'WAREHOUSE', 48.7, { x: 5 }), loc('B', 'STORE', 48.9, { y: 1 }), loc('C', 'STORE', 48.8, { z: 1 })];
    const plan = rule.plan({
      lines: [
        { key: '0', variantId: 'x', quantity: 2 },
        { key: '1', variantId: 'y', quantity: 1 },
        { key: '2', variantId: 'z', quantity: 2 },
      ],
      candidates,
      destination: null,
    });
    expect([...plan.sources]).toEqual([
      ['0', 'W'],
      ['1', 'B'],
    ]);
    expect(plan.unfilled).toEqual(['2']);
  });

  it('never sources from the excluded location, and needs the sum for two lines of one variant', () => {
    const candidates = [loc('A', 'STORE', 48.86, { x: 9 }), loc('B', 'STORE', 48.9, { x: 1 }), loc('C', 'STORE', 49.5, { x: 2 })];
    const plan = rule.plan({
      lines: [
        { key: '0', variantId: 'x', quantity: 1 },
        { key: '1', variantId: 'x', quantity: 1 },
      ],
      candidates,
      destination: paris,
      exclude: 'A',
    });
    expect([...plan.sources]).toEqual([
      ['0', 'C'],
      ['1', 'C'],
    ]);
  });

  it('ranks the locations able to send a quantity', () => {
    const candidates = [loc('B', 'STORE', 48.9, { x: 1 }), loc('C', 'STORE', 48.87, { x: 3 }), loc('W', 'WAREHOUSE', 45, { x: 3 })];
    expect(rule.rank(candidates, 'x', 2, paris).map((c) => c.locationId)).toEqual(['W', 'C']);
  });
});

describe('WarehouseFirstNearestSourcing reasons and capacity', () => {
  it('says why: fewest splits for a group from one place, warehouse first without a destination, nearest with one', () => {
    const candidates = [loc('W', 'WAREHOUSE', 48.7, { x: 5, y: 5 }), loc('S', 'STORE', 48.9, { x: 5 })];
    const two = rule.plan({
      lines: [
        { key: '0', variantId: 'x', quantity: 1 },
        { key: '1', variantId: 'y', quantity: 1 },
      ],
      candidates,
      destination: null,
    });
    expect([...two.reasons.values()]).toEqual(['FEWEST_SPLITS', 'FEWEST_SPLITS']);
    const one = rule.plan({ lines: [{ key: '0', variantId: 'x', quantity: 1 }], candidates, destination: null });
    expect([...one.reasons]).toEqual([['0', 'WAREHOUSE_FIRST']]);
    const near = rule.plan({ lines: [{ key: '0', variantId: 'x', quantity: 1 }], candidates, destination: paris });
    expect([...near.reasons]).toEqual([['0', 'NEAREST_WITH_STOCK']]);
  });

  it('skips a location at capacity, naming it in the reason; nothing else able is unfilled', () => {
    const candidates = [loc('S1', 'STORE', 48.85, { x: 5 }), loc('S2', 'STORE', 45.7, { x: 5 })];
    const plan = rule.plan({ lines: [{ key: '0', variantId: 'x', quantity: 1 }], candidates, destination: paris, full: new Set(['S1']) });
    expect([...plan.sources]).toEqual([['0', 'S2']]);
    expect([...plan.reasons]).toEqual([['0', 'NEAREST_WITH_STOCK;SKIPPED_AT_CAPACITY:S1']]);
    const none = rule.plan({
      lines: [{ key: '0', variantId: 'x', quantity: 1 }],
      candidates,
      destination: null,
      full: new Set(['S1', 'S2']),
    });
    expect(none.unfilled).toEqual(['0']);
  });

  it('does not name a full location that could not have sent the line anyway', () => {
    const candidates = [loc('W', 'WAREHOUSE', 48.85, { y: 5 }), loc('S', 'STORE', 45.7, { x: 5 })];
    const plan = rule.plan({ lines: [{ key: '0', variantId: 'x', quantity: 1 }], candidates, destination: null, full: new Set(['W']) });
    expect([...plan.reasons]).toEqual([['0', 'STORE_WITH_STOCK']]);
  });
});
