import { describe, expect, it } from '@jest/globals';
import { FulfillmentType } from '@app/common';
import type { StockQueryService } from '@app/inventory';
import type { LocationsService } from '@app/locations';
import { loc } from './candidates.fixture.js';
import { dayIn, type FulfilmentCapacity } from './fulfilment-capacity.service.js';
import { type Candidate, WarehouseFirstNearestSourcing } from './sourcing-strategy.js';
import { type LineToSource, SourcingService } from './sourcing.service.js';

/** A SourcingService over fixed candidates (fresh each call, as a read would be) and locations at their candidates' places. */
function sourcing(candidates: () => Candidate[], full: string[] = []): SourcingService {
  const stock = { sourcingCandidates: async () => candidates() } as unknown as StockQueryService;
  const locations = {
    find: async (id: string) => candidates().find((c) => c.locationId === id) ?? { lat: 48.85, lng: 2.35 },
  } as unknown as LocationsService;
  const capacity = {
    full: async () => new Set(full),
    claimFor: (c: Candidate) => (c.capacityPerDay == null ? null : { perDay: c.capacityPerDay, day: dayIn(c.timeZone, new Date()) }),
  } as unknown as FulfilmentCapacity;
  return new SourcingService(stock, locations, capacity, new WarehouseFirstNearestSourcing());
}

const pickup = (variantId: string, quantity: number, store: string): LineToSource => ({
  variantId,
  quantity,
  fulfillmentType: FulfillmentType.PICKUP,
  locationId: store,
});
const delivery = (variantId: string, quantity: number): LineToSource => ({
  variantId,
  quantity,
  fulfillmentType: FulfillmentType.DELIVERY,
  locationId: null,
});

describe('SourcingService.plan', () => {
  it("takes pickup lines from the store's own shelf, sends the rest there, and delivers from the rule's choice", async () => {
    const s = sourcing(() => [loc('S', 'STORE', 48.86, { x: 2 }), loc('W', 'WAREHOUSE', 48.7, { x: 10, y: 10 })]);
    const plan = await s.plan([pickup('x', 2, 'S'), pickup('y', 1, 'S'), delivery('x', 3)]);
    expect(plan.unfilled).toBeNull();
    expect(plan.fulfillments).toEqual([
      {
        type: FulfillmentType.PICKUP,
        sourceLocationId: 'S',
        pickupLocationId: 'S',
        lineIndexes: [0],
        sourcingReason: 'PICKUP_STORE_SHELF',
        capacity: null,
      },
      {
        type: FulfillmentType.SHIP_TO_STORE,
        sourceLocationId: 'W',
        pickupLocationId: 'S',
        lineIndexes: [1],
        sourcingReason: 'NEAREST_WITH_STOCK',
        capacity: null,
      },
      {
        type: FulfillmentType.DELIVERY,
        sourceLocationId: 'W',
        pickupLocationId: null,
        lineIndexes: [2],
        sourcingReason: 'WAREHOUSE_FIRST',
        capacity: null,
      },
    ]);
  });

  it('needs the shelf to hold every unit of a variant its pickup lines ask for', async () => {
    const s = sourcing(() => [loc('S', 'STORE', 48.86, { x: 3 }), loc('W', 'WAREHOUSE', 48.7, { x: 10 })]);
    const plan = await s.plan([pickup('x', 2, 'S'), pickup('x', 2, 'S')]);
    expect(plan.fulfillments).toEqual([
      {
        type: FulfillmentType.SHIP_TO_STORE,
        sourceLocationId: 'W',
        pickupLocationId: 'S',
        lineIndexes: [0, 1],
        sourcingReason: 'FEWEST_SPLITS',
        capacity: null,
      },
    ]);
  });

  it('counts what one group takes as gone for the next', async () => {
    const s = sourcing(() => [loc('W', 'WAREHOUSE', 48.7, { x: 3 })]);
    const plan = await s.plan([pickup('x', 2, 'S'), delivery('x', 2)]);
    expect(plan).toEqual({ fulfillments: null, unfilled: 1 });
  });

  it('answers the first line nobody can send whole', async () => {
    const s = sourcing(() => [loc('W', 'WAREHOUSE', 48.7, { x: 1 })]);
    expect(await s.plan([delivery('x', 1), delivery('y', 1)])).toEqual({ fulfillments: null, unfilled: 1 });
  });

  it('delivers only from locations that ship orders, skips the full ones (said in the reason) and asks a claim of a limited source', async () => {
    const noShip = { ...loc('A', 'STORE', 48.86, { x: 5 }), shipsOrders: false };
    const full = { ...loc('B', 'STORE', 48.86, { x: 5 }), capacityPerDay: 2 };
    const limited = { ...loc('C', 'STORE', 48.86, { x: 5 }), capacityPerDay: 3, timeZone: 'Asia/Tokyo' };
    const s = sourcing(() => [noShip, full, limited], ['B']);
    const plan = await s.plan([delivery('x', 1)]);
    expect(plan.fulfillments).toEqual([
      {
        type: FulfillmentType.DELIVERY,
        sourceLocationId: 'C',
        pickupLocationId: null,
        lineIndexes: [0],
        sourcingReason: 'STORE_WITH_STOCK;SKIPPED_AT_CAPACITY:B',
        capacity: { perDay: 3, day: dayIn('Asia/Tokyo', new Date()) },
      },
    ]);
    // A store that does not ship may still send to a pickup store (a transfer is not a delivery).
    const toStore = await sourcing(() => [noShip, loc('P', 'STORE', 48.8, {})]).plan([pickup('x', 1, 'P')]);
    expect(toStore.fulfillments?.map((f) => [f.type, f.sourceLocationId, f.capacity])).toEqual([
      [FulfillmentType.SHIP_TO_STORE, 'A', null],
    ]);
  });
});
