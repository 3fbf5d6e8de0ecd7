import { Injectable, Logger } from '@nestjs/common';
import { Clock, TransactionHost } from '@app/common';
import { FulfillmentTransitions } from './fulfillment-transitions.service.js';

/**
 * Expires ready pickups whose hold has run out and returns their stock. Safe with several processes: each
 * fulfilment is expired under its order's row lock and only if still due, so a second sweeper finds
 * nothing to do; a sweeper that dies mid-way leaves the rest due for the next run.
 */
@Injectable()
export class ExpirySweep {
  private readonly logger = new Logger(ExpirySweep.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly transitions: FulfillmentTransitions,
    private readonly clock: Clock,
  ) {}

  async run(limit = 100): Promise<number> {
    // Due by this process's clock and by the database's (moved as far as a test moved the Clock): the
    // sweeper often runs on another host than the process that set the hold, and a clock running ahead
    // there must not end a customer's hold early.
    const due = await this.tx.manager.query<{ id: string }[]>(
      `SELECT id FROM fulfillment WHERE status = 'READY_FOR_PICKUP'
         AND expires_at <= LEAST($2::timestamptz, now() + $3::int * interval '1 millisecond')
       ORDER BY expires_at LIMIT $1`,
      [limit, this.clock.date(), this.clock.offsetMs()],
    );
    let expired = 0;
    for (const { id } of due) {
      try {
        if (await this.transitions.expire(id)) expired++;
      } catch (err) {
        this.logger.error({ err, fulfillmentId: id }, 'could not expire a pickup');
      }
    }
    return expired;
  }
}
