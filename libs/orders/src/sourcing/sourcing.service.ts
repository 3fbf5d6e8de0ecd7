import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/common';
import { type Candidate, type SourcingRequest, SourcingStrategy } from './sourcing-strategy.js';

/** Reads who has what now, and asks the configured strategy where each line should come from. */
@Injectable()
export class SourcingService {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(SourcingStrategy) readonly strategy: SourcingStrategy,
  ) {}

  /** Every location with some available stock of these variants. */
  async candidates(variantIds: string[]): Promise<Candidate[]> {
    const rows: {
      locationId: string;
      code: string;
      type: 'STORE' | 'WAREHOUSE';
      lat: number;
      lng: number;
      variantId: string;
      available: number;
    }[] = await this.tx.manager.query(
      `SELECT l.id AS "locationId", l.code, l.type, l.lat, l.lng, sl.variant_id AS "variantId", sl.on_hand - sl.reserved AS available
         FROM stock_level sl JOIN location l ON l.id = sl.location_id
         WHERE sl.variant_id = ANY($1::uuid[]) AND sl.on_hand > sl.reserved`,
      [[...new Set(variantIds)]],
    );
    const byLocation = new Map<string, Candidate>();
    for (const r of rows) {
      let c = byLocation.get(r.locationId);
      if (!c)
        byLocation.set(
          r.locationId,
          (c = { locationId: r.locationId, code: r.code, type: r.type, lat: r.lat, lng: r.lng, available: new Map() }),
        );
      c.available.set(r.variantId, r.available);
    }
    return [...byLocation.values()];
  }

  async plan(request: Omit<SourcingRequest, 'candidates'>) {
    return this.strategy.plan({ ...request, candidates: await this.candidates(request.lines.map((l) => l.variantId)) });
  }
}
