import { Inject, Injectable } from '@nestjs/common';
import { FulfillmentType } from '@app/common';
import { StockQueryService } from '@app/inventory';
import { LocationsService } from '@app/locations';
import { type CapacityClaim, FulfilmentCapacity } from './fulfilment-capacity.service.js';
import { type Candidate, SourcingReason, SourcingStrategy } from './sourcing-strategy.js';

/** One line to source: which variant, how many, and how it reaches the customer (PICKUP at `locationId`, or DELIVERY). */
export interface LineToSource {
  variantId: string;
  quantity: number;
  fulfillmentType: FulfillmentType;
  locationId: string | null;
}

/** Lines that travel together from one source (to one pickup store). */
export interface PlannedFulfillment {
  type: FulfillmentType;
  sourceLocationId: string;
  pickupLocationId: string | null;
  /** Indexes into the lines planned. */
  lineIndexes: number[];
  /** Why this source (the strategy's reason for its first line). */
  sourcingReason: string | null;
  /** A DELIVERY from a location with a daily capacity: the unit the placement must claim. */
  capacity: CapacityClaim | null;
}

/** Where every line comes from, or the first line (its index) that no location can send whole. */
export type FulfillmentPlan = { fulfillments: PlannedFulfillment[]; unfilled: null } | { fulfillments: null; unfilled: number };

/**
 * Where stock comes from (ADR 0006): reads who has what now (the inventory's candidates, one statement) and
 * plans each line's source. Pickup lines come from the pickup store's own shelf when it has them (PICKUP);
 * the rest are sent there from elsewhere (SHIP_TO_STORE). Delivered lines come from wherever the configured
 * strategy says (DELIVERY).
 */
@Injectable()
export class SourcingService {
  constructor(
    private readonly stock: StockQueryService,
    private readonly locations: LocationsService,
    private readonly capacity: FulfilmentCapacity,
    @Inject(SourcingStrategy) readonly strategy: SourcingStrategy,
  ) {}

  /** Every location with some available stock of these variants (the inventory's answer, in one statement). */
  candidates(variantIds: string[]): Promise<Candidate[]> {
    return this.stock.sourcingCandidates(variantIds);
  }

  /** Plans the fulfilments of `lines`: a plan is a guess at this moment, the holds (StockLedger) make it true. */
  async plan(lines: LineToSource[], opts: { exclude?: string } = {}): Promise<FulfillmentPlan> {
    const groups = new Map<string, PlannedFulfillment>();
    const put = (type: FulfillmentType, source: string, pickup: string | null, index: number, reason: string | null) => {
      const key = `${type}/${source}/${pickup ?? ''}`;
      let g = groups.get(key);
      if (!g) {
        const from = candidates.find((c) => c.locationId === source);
        const capacity = type === FulfillmentType.DELIVERY && from ? this.capacity.claimFor(from) : null;
        groups.set(
          key,
          (g = { type, sourceLocationId: source, pickupLocationId: pickup, lineIndexes: [], sourcingReason: reason, capacity }),
        );
      }
      g.lineIndexes.push(index);
    };
    // A location excluded (one that just reported the units missing) is not asked again.
    const candidates = (await this.candidates(lines.map((l) => l.variantId))).filter((c) => c.locationId !== opts.exclude);
    const stockAt = (loc: string, variantId: string) => candidates.find((c) => c.locationId === loc)?.available.get(variantId) ?? 0;
    // What one group is planned to take is no longer there for the next group.
    const take = (loc: string, i: number) => {
      const c = candidates.find((x) => x.locationId === loc);
      const { variantId, quantity } = lines[i];
      c?.available.set(variantId, (c.available.get(variantId) ?? 0) - quantity);
    };
    const byStore = new Map<string | null, number[]>();
    for (const [i, l] of lines.entries()) {
      const store = l.fulfillmentType === FulfillmentType.PICKUP ? l.locationId : null;
      byStore.set(store, [...(byStore.get(store) ?? []), i]);
    }
    for (const [store, indexes] of byStore) {
      let rest = indexes;
      if (store) {
        const here = indexes.filter((i) => stockAt(store, lines[i].variantId) >= sameVariant(lines, indexes, i));
        here.forEach((i) => {
          put(FulfillmentType.PICKUP, store, store, i, SourcingReason.PICKUP_STORE_SHELF);
          take(store, i);
        });
        rest = indexes.filter((i) => !here.includes(i));
      }
      if (!rest.length) continue;
      const location = store ? await this.locations.find(store) : null;
      // A delivery comes only from a location that ships orders, and one at its daily capacity is skipped.
      const from = store ? candidates : candidates.filter((c) => c.shipsOrders);
      const plan = this.strategy.plan({
        lines: rest.map((i) => ({ key: String(i), variantId: lines[i].variantId, quantity: lines[i].quantity })),
        candidates: from,
        destination: location && { lat: location.lat, lng: location.lng },
        exclude: store ?? undefined,
        full: store ? undefined : await this.capacity.full(from),
      });
      if (plan.unfilled.length) return { fulfillments: null, unfilled: Number(plan.unfilled[0]) };
      for (const [key, source] of plan.sources) {
        put(store ? FulfillmentType.SHIP_TO_STORE : FulfillmentType.DELIVERY, source, store, Number(key), plan.reasons.get(key) ?? null);
        take(source, Number(key));
      }
    }
    return { fulfillments: [...groups.values()], unfilled: null };
  }
}

/** Units of line i's variant that the same pickup store must hold for all lines of that variant. */
function sameVariant(lines: LineToSource[], indexes: number[], i: number): number {
  const v = lines[i].variantId;
  return indexes.filter((j) => lines[j].variantId === v).reduce((n, j) => n + lines[j].quantity, 0);
}
