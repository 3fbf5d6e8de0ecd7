import { Inject, Injectable } from '@nestjs/common';
import { StockQueryService } from '@app/inventory';
import { type Candidate, type SourcingRequest, SourcingStrategy } from './sourcing-strategy.js';

/** Reads who has what now, and asks the configured strategy where each line should come from. */
@Injectable()
export class SourcingService {
  constructor(
    private readonly stock: StockQueryService,
    @Inject(SourcingStrategy) readonly strategy: SourcingStrategy,
  ) {}

  /** Every location with some available stock of these variants (the inventory's answer, in one statement). */
  candidates(variantIds: string[]): Promise<Candidate[]> {
    return this.stock.sourcingCandidates(variantIds);
  }

  async plan(request: Omit<SourcingRequest, 'candidates'>) {
    return this.strategy.plan({ ...request, candidates: await this.candidates(request.lines.map((l) => l.variantId)) });
  }
}
