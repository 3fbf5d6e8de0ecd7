import { describe, expect, it } from '@jest/globals';
import { FulfillmentType } from '@app/common';
import type { StockQueryService } from '@app/inventory';
import type { LocationsService } from '@app/locations';
import { loc } from './candidates.fixture.js';
import { type Candidate, WarehouseFirstNearestSourcing } from './sourcing-strategy.js';
import { type LineToSource, SourcingService } from './sourcing.service.js';

/** A SourcingService over fixed candidates (fresh each call, as a read would be) and locations at their candidates' places. */
function sourcing(candidates: () => Candidate[]): SourcingService {
  const stock = { sourcingCandidates: async () => candidates() } as unknown as StockQueryService;
  const locations = {
    find: async (id: string) => candidates().find((c) => c.locationId === id) ?? { lat: 48.85, lng: 2.35 },
  } as unknown as LocationsService;
  return new SourcingService(stock, locations, new WarehouseFirstNearestSourcing());
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
      { type: FulfillmentType.PICKUP, sourceLocationId: 'S', pickupLocationId: 'S', lineIndexes: [0] },
      { type: FulfillmentType.SHIP_TO_STORE, sourceLocationId: 'W', pickupLocationId: 'S', lineIndexes: [1] },
      { type: FulfillmentType.DELIVERY, sourceLocationId: 'W', pickupLocationId: null, lineIndexes: [2] },
    ]);
  });

  it('needs the shelf to hold every unit of a variant its pickup lines ask for', async () => {
    const s = sourcing(() => [loc('S', 'STORE', 48.86, { x: 3 }), loc('W', 'WAREHOUSE', 48.7, { x: 10 })]);
    const plan = await s.plan([pickup('x', 2, 'S'), pickup('x', 2, 'S')]);
    expect(plan.fulfillments).toEqual([
      { type: FulfillmentType.SHIP_TO_STORE, sourceLocationId: 'W', pickupLocationId: 'S', lineIndexes: [0, 1] },
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
});
