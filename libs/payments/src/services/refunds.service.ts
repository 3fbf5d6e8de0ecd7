import { Inject, Injectable, Logger } from '@nestjs/common';
import { BusinessError, ErrorCode, TransactionHost } from '@app/common';
import { PaymentProvider, type ProviderOutcome } from '../provider/payment-provider.js';
import { PAYMENT_PROVIDER } from '../provider/provider.factory.js';
import { PaymentMethod } from './payment-status.js';

/** How a refund goes back: to the card it was paid with, at the counter, or nowhere (an order placed without payment). */
export type RefundMethod = 'CARD' | 'COUNTER' | 'NONE';

interface RefundRow {
  id: string;
  paymentId: string;
  amount: number;
  idempotencyKey: string;
  attempts: number;
  providerRef: string | null;
  currency: string;
}

/** The longest wait between two attempts of a refund the provider has not answered. */
const MAX_BACKOFF_S = 3600;

/**
 * Money back (docs/adr/0033-returns.md). In the transaction of the return that causes it, the refund is owed at
 * once (`refunded`, guarded never to pass what was captured) and, for a card, written as a `payment_refund`
 * row; the provider is asked once that transaction commits, and asked again with the same key by the repair
 * job (rows taken with SKIP LOCKED) until it answers: never lost, never doubled.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    private readonly tx: TransactionHost,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider | null,
  ) {}

  /**
   * In the caller's transaction: `amount` of order `orderId` goes back, keyed by `key` (what it refunds: a
   * return); a card's is sent by `sendNow` once that transaction commits. Returns how. INVALID_STATE when it would pass what was taken (cannot happen for amounts the returns
   * compute, which stay within what was handed over and paid).
   */
  async refund(orderId: string, amount: number, key: string): Promise<RefundMethod> {
    if (amount <= 0) return 'NONE';
    const [p] = await this.tx.manager.query<{ id: string; method: PaymentMethod; captured: number; refunded: number }[]>(
      `SELECT id, method, captured, refunded FROM payment WHERE order_id = $1 AND state IN ('OPEN', 'CLOSED')
       ORDER BY created_at LIMIT 1 FOR UPDATE`,
      [orderId],
    );
    if (!p) return 'NONE';
    const [moved] = await this.tx.manager.query<{ id: string }[]>(
      `WITH u AS (UPDATE payment SET refunded = refunded + $2, updated_at = now() WHERE id = $1 AND refunded + $2 <= captured RETURNING id)
       SELECT id FROM u`,
      [p.id, amount],
    );
    if (!moved)
      throw new BusinessError(ErrorCode.INVALID_STATE, `Cannot refund ${amount}: more than was paid and not yet refunded`, ['lines']);
    const refundKey = `refund-${key}`;
    if (p.method !== PaymentMethod.CARD) {
      await this.transaction(p.id, amount, { ok: true, reference: 'counter' }, refundKey);
      return 'COUNTER';
    }
    await this.tx.manager.query(`INSERT INTO payment_refund (payment_id, amount, idempotency_key) VALUES ($1, $2, $3)`, [
      p.id,
      amount,
      refundKey,
    ]);
    return 'CARD';
  }

  /**
   * Once the return's transaction has committed: asks the provider for refund `key` now (the caller answers
   * with it settled), leaving it to the repair job if the provider does not answer. Never throws.
   */
  async sendNow(key: string): Promise<void> {
    const [r] = await this.tx.manager.query<{ id: string }[]>(
      `SELECT id FROM payment_refund WHERE idempotency_key = $1 AND state = 'PENDING'`,
      [`refund-${key}`],
    );
    if (r)
      await this.send(r.id).catch((err: unknown) => this.logger.warn(`refund ${key}: ${err instanceof Error ? err.message : String(err)}`));
  }

  /** Refunds still owed to cards whose time has come, each tried once (the repair job). Returns how many were sent. */
  async retryDue(limit = 20): Promise<number> {
    const due = await this.tx.manager.query<{ id: string }[]>(
      `SELECT id FROM payment_refund WHERE state = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1`,
      [limit],
    );
    let sent = 0;
    for (const { id } of due) if (await this.send(id).catch(() => false)) sent++;
    return sent;
  }

  /** Whether refund `key` (a return) has been answered by the provider; true for one made at the counter. */
  async settled(key: string): Promise<boolean> {
    const [r] = await this.tx.manager.query<{ state: string }[]>(`SELECT state FROM payment_refund WHERE idempotency_key = $1`, [
      `refund-${key}`,
    ]);
    return !r || r.state === 'SUCCEEDED';
  }

  /**
   * Asks the provider for one owed refund, in a transaction of its own that holds the row (another process
   * skips it). Answered: SUCCEEDED with the provider's reference; not: tried again later, longer each time.
   */
  private send(id: string): Promise<boolean> {
    return this.tx.run(async () => {
      const [r] = await this.tx.manager.query<RefundRow[]>(
        `SELECT r.id, r.payment_id AS "paymentId", r.amount, r.idempotency_key AS "idempotencyKey", r.attempts,
                p.provider_ref AS "providerRef", p.currency
         FROM payment_refund r JOIN payment p ON p.id = r.payment_id
         WHERE r.id = $1 AND r.state = 'PENDING' FOR UPDATE OF r SKIP LOCKED`,
        [id],
      );
      if (!r || !this.provider) return false;
      const outcome = await this.call(r);
      await this.transaction(r.paymentId, r.amount, outcome, r.idempotencyKey);
      if (outcome.ok) {
        await this.tx.manager.query(
          `UPDATE payment_refund SET state = 'SUCCEEDED', provider_ref = $2, attempts = attempts + 1, last_error = NULL, updated_at = now() WHERE id = $1`,
          [r.id, outcome.reference],
        );
        return true;
      }
      const wait = Math.min(MAX_BACKOFF_S, 5 * 2 ** r.attempts);
      this.logger.warn(`refund ${r.idempotencyKey} not made (attempt ${r.attempts + 1}), again in ${wait} s: ${outcome.message}`);
      await this.tx.manager.query(
        `UPDATE payment_refund SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2), last_error = $3, updated_at = now()
         WHERE id = $1`,
        [r.id, wait, outcome.message.slice(0, 500)],
      );
      return false;
    });
  }

  private async call(r: RefundRow): Promise<ProviderOutcome> {
    try {
      return await this.provider!.refund({
        reference: r.providerRef!,
        amount: r.amount,
        currency: r.currency,
        idempotencyKey: r.idempotencyKey,
      });
    } catch (err) {
      return { ok: false, declined: false, message: err instanceof Error ? err.message : String(err) };
    }
  }

  private async transaction(paymentId: string, amount: number, outcome: ProviderOutcome, key: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO payment_transaction (payment_id, kind, amount, outcome, provider_ref, idempotency_key, error)
       VALUES ($1, 'REFUND', $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) WHERE outcome = 'SUCCEEDED' DO NOTHING`,
      [
        paymentId,
        amount,
        outcome.ok ? 'SUCCEEDED' : outcome.declined ? 'DECLINED' : 'FAILED',
        outcome.ok ? outcome.reference : null,
        key,
        outcome.ok ? null : outcome.message.slice(0, 500),
      ],
    );
  }
}
