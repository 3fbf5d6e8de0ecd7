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
}

/** For each line, the location chosen to send it; `unfilled` lists the lines nobody can send whole. */
export interface SourcingPlan {
  sources: Map<string, string>;
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
 * customers), then nearest to the destination, then by location code so the choice is stable.
 */
export class WarehouseFirstNearestSourcing extends SourcingStrategy {
  plan({ lines, candidates, destination, exclude }: SourcingRequest): SourcingPlan {
    const usable = this.order(
      candidates.filter((c) => c.locationId !== exclude),
      destination,
    );
    const canSend = (c: Candidate, l: SourcingLine) => (c.available.get(l.variantId) ?? 0) >= this.needed(lines, l.variantId);
    const whole = usable.find((c) => lines.every((l) => canSend(c, l)));
    const sources = new Map<string, string>();
    const unfilled: string[] = [];
    for (const line of lines) {
      const from = whole ?? usable.find((c) => (c.available.get(line.variantId) ?? 0) >= line.quantity);
      if (from) sources.set(line.key, from.locationId);
      else unfilled.push(line.key);
    }
    return { sources, unfilled };
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
