import { haversineKm } from '@app/common';
import type { SourcingCandidate } from '@app/inventory';

/** A location that could send stock, with what it has available of the variants asked for (inventory answers these). */
export type Candidate = SourcingCandidate;

export interface SourcingLine {
  key: string;
  variantId: string;
  quantity: number;
}

export interface SourcingRequest {
  lines: SourcingLine[];
  candidates: Candidate[];
  /** Where the goods go (a pickup store), to prefer nearer sources; null for home delivery. */
  destination: { lat: number; lng: number } | null;
  /** A location that must not be the source (the pickup store itself, for ship-to-store). */
  exclude?: string;
  /** Locations whose daily fulfilment capacity is used up: skipped, and said so in the reason. */
  full?: ReadonlySet<string>;
}

/** Why a source was chosen, recorded on the fulfilment (Fulfillment.sourcingReason). */
export const SourcingReason = {
  /** A pickup from the pickup store's own shelf. */
  PICKUP_STORE_SHELF: 'PICKUP_STORE_SHELF',
  /** One location sends several lines together (fewer parcels). */
  FEWEST_SPLITS: 'FEWEST_SPLITS',
  /** The nearest location (warehouses first) with all of the line. */
  NEAREST_WITH_STOCK: 'NEAREST_WITH_STOCK',
  /** No destination to be near to: a warehouse before a store. */
  WAREHOUSE_FIRST: 'WAREHOUSE_FIRST',
  /** No destination and no warehouse has it: a store with all of the line. */
  STORE_WITH_STOCK: 'STORE_WITH_STOCK',
  /** Appended (`;SKIPPED_AT_CAPACITY:<code>`) for each better location passed over because it is at capacity. */
  SKIPPED_AT_CAPACITY: 'SKIPPED_AT_CAPACITY',
} as const;

/**
 * For each line, the location chosen to send it and why (`reasons`, by line key); `unfilled` lists the lines
 * nobody can send whole.
 */
export interface SourcingPlan {
  sources: Map<string, string>;
  reasons: Map<string, string>;
  unfilled: string[];
}

/** How a retailer chooses where stock comes from. Swap the provider to change the rule. */
export abstract class SourcingStrategy {
  abstract plan(request: SourcingRequest): SourcingPlan;
  /** The candidates able to send `quantity` of one variant, best first (sourcingOptions). */
  abstract rank(candidates: Candidate[], variantId: string, quantity: number, destination: SourcingRequest['destination']): Candidate[];
}

/**
 * The default rule: one location that can send the whole group if there is one (fewer parcels); else each
 * line from the best location that has all of it. Best = warehouses before stores (store stock serves walk-in
 * customers), then nearest to the destination, then by location code so the choice is stable. A location at
 * its daily capacity (`full`) is passed over, and the reason names it.
 */
export class WarehouseFirstNearestSourcing extends SourcingStrategy {
  plan({ lines, candidates, destination, exclude, full }: SourcingRequest): SourcingPlan {
    const ordered = this.order(
      candidates.filter((c) => c.locationId !== exclude),
      destination,
    );
    const usable = full?.size ? ordered.filter((c) => !full.has(c.locationId)) : ordered;
    const canSend = (c: Candidate, l: SourcingLine) => (c.available.get(l.variantId) ?? 0) >= this.needed(lines, l.variantId);
    const canSendLine = (c: Candidate, l: SourcingLine) => (c.available.get(l.variantId) ?? 0) >= l.quantity;
    const whole = usable.find((c) => lines.every((l) => canSend(c, l)));
    const sources = new Map<string, string>();
    const reasons = new Map<string, string>();
    const unfilled: string[] = [];
    for (const line of lines) {
      const from = whole ?? usable.find((c) => canSendLine(c, line));
      if (!from) {
        unfilled.push(line.key);
        continue;
      }
      sources.set(line.key, from.locationId);
      const why =
        whole && lines.length > 1
          ? SourcingReason.FEWEST_SPLITS
          : destination
            ? SourcingReason.NEAREST_WITH_STOCK
            : from.type === 'WAREHOUSE'
              ? SourcingReason.WAREHOUSE_FIRST
              : SourcingReason.STORE_WITH_STOCK;
      // The full locations that would have been chosen before this one, had they room.
      const skipped = ordered
        .slice(0, ordered.indexOf(from))
        .filter((c) => full?.has(c.locationId) && (whole ? lines.every((l) => canSend(c, l)) : canSendLine(c, line)));
      reasons.set(line.key, [why, ...skipped.map((c) => `${SourcingReason.SKIPPED_AT_CAPACITY}:${c.code}`)].join(';'));
    }
    return { sources, reasons, unfilled };
  }

  rank(candidates: Candidate[], variantId: string, quantity: number, destination: SourcingRequest['destination']): Candidate[] {
    return this.order(
      candidates.filter((c) => (c.available.get(variantId) ?? 0) >= quantity),
      destination,
    );
  }

  private order(candidates: Candidate[], destination: SourcingRequest['destination']): Candidate[] {
    const km = (c: Candidate) => (destination ? haversineKm(destination.lat, destination.lng, c.lat, c.lng) : 0);
    return [...candidates].sort(
      (a, b) => (a.type === b.type ? 0 : a.type === 'WAREHOUSE' ? -1 : 1) || km(a) - km(b) || a.code.localeCompare(b.code),
    );
  }

  /** Two lines of one variant sent together need the sum. */
  private needed(lines: SourcingLine[], variantId: string): number {
    return lines.filter((l) => l.variantId === variantId).reduce((n, l) => n + l.quantity, 0);
  }
}
