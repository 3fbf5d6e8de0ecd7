import { Injectable, Logger } from '@nestjs/common';
import { Clock, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { retryDelaySeconds } from './retry-backoff.js';
import { type SendOutcome, WebhookSender } from './webhook-sender.js';
import { WebhookSubscriptions } from './webhook-subscriptions.js';

const BATCH = 20;
/** A lease outlives the POST it covers by this much: the time to record the outcome. */
const LEASE_MARGIN_SECONDS = 30;

interface Claimed {
  id: string;
  endpointId: string;
  attempts: number;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: Date;
  url: string;
  secret: string;
}

/**
 * Delivers the webhook outbox (docs/adr/0032-webhook-outbox.md). A batch of due deliveries is leased in a
 * short transaction (FOR UPDATE SKIP LOCKED: processes never take the same row), POSTed outside any
 * transaction, in parallel, then recorded with the attempt's log line. A delivery is not taken while an
 * earlier one of the same endpoint and ordering key (an order) is undelivered, so an order's events reach
 * an endpoint in order. A failure retries with backoff (5 s, doubling, at most an hour) until it is
 * received; WEBHOOK_DISABLE_AFTER_FAILURES failed attempts in a row disable the endpoint. A sender that dies
 * mid-POST leaves its lease to run out and another sends again: at least once, under the same event id.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly sender: WebhookSender,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Sends one batch of what is due now; returns how many deliveries were attempted. */
  async deliverDue(limit = BATCH): Promise<number> {
    const batch = await this.claim(limit);
    await Promise.all(batch.map((d) => this.deliver(d)));
    return batch.length;
  }

  /** Leases due deliveries to this process, each the earliest undelivered of its endpoint and ordering key. */
  claim(limit = BATCH): Promise<Claimed[]> {
    const leaseSeconds = Math.ceil(this.config.get('WEBHOOK_TIMEOUT_MS') / 1000) + LEASE_MARGIN_SECONDS;
    return this.tx.run((em) =>
      em.query<Claimed[]>(
        `WITH claimed AS (
           UPDATE webhook_delivery d SET leased_until = $2::timestamptz + make_interval(secs => $3), attempts = d.attempts + 1
             FROM (SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint ep ON ep.id = d.endpoint_id AND ep.active
                    WHERE d.delivered_at IS NULL AND d.next_attempt_at <= $2 AND (d.leased_until IS NULL OR d.leased_until < $2)
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                                       WHERE p.endpoint_id = d.endpoint_id AND p.ordering_key = d.ordering_key
                                         AND p.delivered_at IS NULL AND p.id < d.id)
                    ORDER BY d.id LIMIT $1 FOR UPDATE OF d SKIP LOCKED) due
            WHERE d.id = due.id
            RETURNING d.id, d.endpoint_id, d.event_id, d.attempts)
         SELECT c.id::text, c.endpoint_id AS "endpointId", c.attempts, e.id AS "eventId", e.type, e.data, e.created_at AS "createdAt",
                ep.url, ep.secret
           FROM claimed c JOIN webhook_event e ON e.id = c.event_id JOIN webhook_endpoint ep ON ep.id = c.endpoint_id
          ORDER BY c.id`,
        [limit, this.clock.date(), leaseSeconds],
      ),
    );
  }

  private async deliver(d: Claimed): Promise<void> {
    const body = JSON.stringify({ id: d.eventId, type: d.type, createdAt: new Date(d.createdAt).toISOString(), data: d.data });
    const startedAt = this.clock.date();
    const outcome = await this.sender.post(d.url, d.secret, body, d.eventId, d.type);
    try {
      await this.tx.run(() => (outcome.ok ? this.received(d, outcome, startedAt) : this.failed(d, outcome, startedAt)));
    } catch (err) {
      // Not recorded: the lease runs out and the delivery is sent again (at least once).
      this.logger.warn(`webhook delivery ${d.id}: outcome not recorded: ${String(err)}`);
    }
  }

  private async received(d: Claimed, outcome: SendOutcome, startedAt: Date): Promise<void> {
    const now = this.clock.date();
    await this.tx.manager.query(`UPDATE webhook_delivery SET delivered_at = $2, leased_until = NULL WHERE id = $1`, [d.id, now]);
    await this.tx.manager.query(`UPDATE webhook_endpoint SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures > 0`, [
      d.endpointId,
    ]);
    await this.log(d, outcome, startedAt);
  }

  private async failed(d: Claimed, outcome: SendOutcome, startedAt: Date): Promise<void> {
    const now = this.clock.date();
    const delay = retryDelaySeconds(d.attempts);
    // Only while this claim is the delivery's latest and it was not received meanwhile: a sender whose lease ran
    // out must not release a delivery another sender holds (its successors would overtake that send).
    await this.tx.manager.query(
      `UPDATE webhook_delivery SET leased_until = NULL, next_attempt_at = $2::timestamptz + make_interval(secs => $3)
        WHERE id = $1 AND attempts = $4 AND delivered_at IS NULL`,
      [d.id, now, delay, d.attempts],
    );
    const max = this.config.get('WEBHOOK_DISABLE_AFTER_FAILURES');
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [[endpoint]] = await this.tx.manager.query<[{ justDisabled: boolean }[], number]>(
      `UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1,
              active = active AND consecutive_failures + 1 < $2,
              disabled_at = CASE WHEN active AND consecutive_failures + 1 >= $2 THEN $3 ELSE disabled_at END,
              disabled_reason = CASE WHEN active AND consecutive_failures + 1 >= $2 THEN $4 ELSE disabled_reason END
        WHERE id = $1 RETURNING (disabled_at = $3 AND NOT active) AS "justDisabled"`,
      [d.endpointId, max, now, `${max} failed attempts in a row; the last: ${outcome.error}`.slice(0, 1000)],
    );
    await this.log(d, outcome, startedAt);
    this.logger.warn(`webhook ${d.type} ${d.eventId} to ${d.url}: attempt ${d.attempts} failed (${outcome.error}); retry in ${delay} s`);
    if (endpoint?.justDisabled) {
      this.logger.warn(`webhook endpoint ${d.endpointId} disabled after ${max} failed attempts in a row`);
      this.subscriptions.changed(d.endpointId);
    }
  }

  /** The attempt's line in the endpoint's delivery log (none if the endpoint was deleted meanwhile). */
  private log(d: Claimed, o: SendOutcome, at: Date): Promise<unknown> {
    return this.tx.manager.query(
      `INSERT INTO webhook_delivery_attempt (delivery_id, endpoint_id, event_id, event_type, attempted_at, status_code, error, duration_ms, succeeded)
       SELECT id, endpoint_id, event_id, $2, $3, $4, $5, $6, $7 FROM webhook_delivery WHERE id = $1`,
      [d.id, d.type, at, o.statusCode, o.error, o.durationMs, o.ok],
    );
  }
}
