import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { BusinessError, byKeys, ErrorCode, groupByKeys, type HasLoaders, loader, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { PaymentProvider, type ProviderOutcome } from '../provider/payment-provider.js';
import { PAYMENT_PROVIDER } from '../provider/provider.factory.js';
import { PaymentMethod } from './payment-status.js';
import { RefundsService } from './refunds.service.js';

/** A payment row under its property names. */
export interface PaymentRow {
  id: string;
  orderId: string | null;
  method: PaymentMethod;
  provider: string | null;
  providerRef: string | null;
  idempotencyKey: string;
  state: 'AUTHORIZING' | 'AUTHORIZED' | 'DECLINED' | 'FAILED' | 'VOIDING' | 'OPEN' | 'VOIDED' | 'CLOSED';
  /** Authorisations asked for this checkout and token: a new one after a release (the provider's keys carry it). */
  attempt: number;
  currency: string;
  due: number;
  authorized: number;
  captured: number;
  released: number;
  refunded: number;
  createdAt: Date;
}

const COLUMNS = `id, order_id AS "orderId", method, provider, provider_ref AS "providerRef", idempotency_key AS "idempotencyKey",
  state, attempt, currency, due, authorized, captured, released, refunded, created_at AS "createdAt"`;

/** How long a retry of one checkout waits for the first attempt's authorisation to be answered. */
const IN_FLIGHT_WAIT_MS = 10_000;

/**
 * Money, one row per payment and one per movement (docs/adr/0030-payments.md). An authorisation is asked
 * before the order exists, in its own committed steps (so a crash leaves a row the repair job voids);
 * captures and releases happen in the transaction of the handover, cancellation or expiry that causes them,
 * with guarded updates inside the bounds the table's CHECKs keep, so no amount is captured twice or past
 * what was authorised. Each provider call carries a key derived from what it pays for.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    private readonly tx: TransactionHost,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider | null,
    private readonly config: AppConfig,
    private readonly refunds: RefundsService,
  ) {}

  /** Whether card payments can be taken (a provider is configured). */
  get cardsAccepted(): boolean {
    return this.provider !== null;
  }

  /**
   * Authorises `amount` on the card `token` for the checkout `key` (its idempotency scope and key), outside
   * any transaction. The same key and token again (a retry, in parallel too) is the same authorisation;
   * another token is another attempt. Declined: PAYMENT_DECLINED; provider down: PAYMENT_UNAVAILABLE
   * (retryable); either way nothing else changed.
   */
  async authorize(r: { key: string; amount: number; currency: string; token: string; description: string }): Promise<PaymentRow> {
    const provider = this.requireProvider();
    const key = `checkout:${r.key}:${digest(r.token).slice(0, 16)}`;
    const [inserted] = await this.tx.manager.query<PaymentRow[]>(
      `INSERT INTO payment (method, provider, idempotency_key, state, currency, due)
       VALUES ('CARD', $1, $2, 'AUTHORIZING', $3, $4) ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
      [provider.name, key, r.currency, r.amount],
    );
    let row = inserted ?? (await this.settled(key));
    if (!inserted) {
      if (row.state === 'AUTHORIZED' || row.state === 'OPEN') return row;
      if (row.state === 'DECLINED') throw declined('The card was declined');
      if (row.state !== 'FAILED' && row.state !== 'VOIDED')
        throw unavailable('This payment was closed; check out again with a new idempotencyKey');
      // Asked again, by this retry alone (a parallel one waits for its answer): the provider was down (FAILED: the
      // same attempt, under the same key, so a lost success is not doubled), or an earlier attempt found no order to
      // place and released the card (VOIDED: a new attempt, a new key).
      const [claimed] = await this.tx.manager.query<PaymentRow[]>(
        `WITH u AS (UPDATE payment SET state = 'AUTHORIZING', due = $2, authorized = 0, released = 0,
           attempt = attempt + CASE WHEN state = 'VOIDED' THEN 1 ELSE 0 END, updated_at = now()
         WHERE id = $1 AND state IN ('FAILED', 'VOIDED') RETURNING ${COLUMNS}) SELECT * FROM u`,
        [row.id, r.amount],
      );
      if (!claimed) return this.authorize(r);
      row = claimed;
    }
    const outcome = await this.call(() =>
      provider.authorize({
        amount: r.amount,
        currency: r.currency,
        token: r.token,
        idempotencyKey: `auth-${digest(key)}-${row.attempt}`,
        description: r.description,
      }),
    );
    const state = outcome.ok ? 'AUTHORIZED' : outcome.declined ? 'DECLINED' : 'FAILED';
    // The answer and its movement in one statement: one round trip on the checkout's path.
    [row] = await this.tx.manager.query<PaymentRow[]>(
      `WITH u AS (UPDATE payment SET state = $2, provider_ref = $3, authorized = $4, updated_at = now()
           WHERE id = $1 AND state = 'AUTHORIZING' RETURNING ${COLUMNS}),
         t AS (INSERT INTO payment_transaction (payment_id, kind, amount, outcome, provider_ref, idempotency_key, error)
           SELECT id, 'AUTHORIZE', $5, $6, $3, $7, $8 FROM u
           ON CONFLICT (idempotency_key) WHERE outcome = 'SUCCEEDED' DO NOTHING)
       SELECT * FROM u`,
      [
        row.id,
        state,
        outcome.ok ? outcome.reference : null,
        outcome.ok ? r.amount : 0,
        r.amount,
        outcome.ok ? 'SUCCEEDED' : outcome.declined ? 'DECLINED' : 'FAILED',
        `auth-${row.id}-${row.attempt}`,
        outcome.ok ? null : outcome.message.slice(0, 500),
      ],
    );
    if (!row) throw unavailable('This payment changed while it was authorised; retry'); // the repair job took it
    if (!outcome.ok) throw outcome.declined ? declined(outcome.message) : unavailable(outcome.message);
    return row;
  }

  /** In the placement's transaction: the authorisation now belongs to the order (the repair job leaves it alone). */
  async attach(paymentId: string, orderId: string): Promise<void> {
    const [row] = await this.tx.manager.query<{ id: string }[]>(
      `WITH u AS (UPDATE payment SET order_id = $2, state = 'OPEN', updated_at = now()
         WHERE id = $1 AND order_id IS NULL AND state = 'AUTHORIZED' RETURNING id) SELECT * FROM u`,
      [paymentId, orderId],
    );
    if (!row) throw unavailable('The authorisation was released before the order was placed; check out again');
  }

  /** In the placement's transaction: the order's total is due at the counter (PAY_AT_PICKUP). */
  async openAtCounter(orderId: string, due: number, currency: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO payment (order_id, method, idempotency_key, state, currency, due) VALUES ($1, 'PAY_AT_PICKUP', $2, 'OPEN', $3, $4)`,
      [orderId, `counter:${orderId}`, currency, due],
    );
  }

  /**
   * An authorisation that no order took (placing failed, or a crash left it): released with the provider,
   * then marked VOIDED. When the provider cannot be reached it stays AUTHORIZED for the repair job.
   */
  async voidUnplaced(paymentId: string): Promise<boolean> {
    // Claimed first, so an attach that comes later fails cleanly instead of taking a card being released.
    const [p] = await this.tx.manager.query<PaymentRow[]>(
      `WITH u AS (UPDATE payment SET state = 'VOIDING', updated_at = now()
         WHERE id = $1 AND order_id IS NULL AND state IN ('AUTHORIZED', 'VOIDING') RETURNING ${COLUMNS}) SELECT * FROM u`,
      [paymentId],
    );
    if (!p) return false;
    const key = `void-${p.id}-${p.attempt}`;
    const outcome = await this.call(() => this.requireProvider().void({ reference: p.providerRef!, idempotencyKey: key }));
    await this.record(p.id, 'VOID', p.authorized, outcome, key);
    // Not released: it stays VOIDING, and the repair job asks again (same key) after PAYMENT_ORPHAN_AFTER_SECONDS.
    if (!outcome.ok) return false;
    await this.tx.manager.query(
      `UPDATE payment SET state = 'VOIDED', released = due - captured, updated_at = now() WHERE id = $1 AND state = 'VOIDING'`,
      [p.id],
    );
    return true;
  }

  /**
   * In the handover's transaction (a collect, a shipment): takes `amount` for fulfilment `fulfillmentId`,
   * captured on the card or recorded as paid at the counter, never past what is still owed. A provider
   * that refuses or cannot be reached refuses the handover (PAYMENT_UNAVAILABLE): nothing changes.
   */
  async settle(orderId: string, fulfillmentId: string, amount: number): Promise<void> {
    const p = await this.openPayment(orderId);
    if (!p) return; // an order placed without payment
    const take = Math.min(amount, p.due - p.captured - p.released);
    if (take <= 0) return;
    const key = `capture-${fulfillmentId}`;
    let outcome: ProviderOutcome = { ok: true, reference: 'counter' };
    if (p.method === PaymentMethod.CARD) {
      const final = p.captured + p.released + take >= p.due;
      outcome = await this.call(() =>
        this.requireProvider().capture({ reference: p.providerRef!, amount: take, currency: p.currency, idempotencyKey: key, final }),
      );
      if (!outcome.ok) throw unavailable(`The card could not be charged: ${outcome.message}`);
    }
    const after = await this.move(
      p,
      'captured',
      take,
      p.method === PaymentMethod.CARD ? 'CAPTURE' : 'COUNTER',
      outcome,
      key,
      fulfillmentId,
    );
    // Settled: a final capture released the rest with the provider already.
    if (after.captured + after.released >= after.due)
      await this.tx.manager.query(`UPDATE payment SET state = 'CLOSED', updated_at = now() WHERE id = $1 AND state = 'OPEN'`, [p.id]);
  }

  /**
   * In the transaction of a cancellation, an expiry or a refusal at the counter: `amount` of fulfilment
   * `fulfillmentId` is no longer owed. When nothing more is owed, what the card still holds is released with
   * the provider; if it cannot be reached the release is left to the repair job, and the change goes on.
   */
  async release(orderId: string, fulfillmentId: string, amount: number): Promise<void> {
    const p = await this.openPayment(orderId);
    if (!p) return;
    const take = Math.min(amount, p.due - p.captured - p.released);
    if (take <= 0) return;
    // Recorded as a movement too: what is no longer owed, before the provider is told (VOID) once nothing is.
    const after = await this.move(
      p,
      'released',
      take,
      'RELEASE',
      { ok: true, reference: 'release' },
      `release-${fulfillmentId}`,
      fulfillmentId,
    );
    if (after.captured + after.released >= after.due) await this.closeOnProvider(after);
  }

  /** The payments of an order, oldest first, batched across the orders of one response. */
  async forOrder(ctx: HasLoaders, orderId: string): Promise<PaymentRow[]> {
    const rows = await loader<string, PaymentRow[]>(ctx, 'paymentsByOrder', async (ids) =>
      groupByKeys(
        ids,
        await this.tx.manager.query<PaymentRow[]>(
          `SELECT ${COLUMNS} FROM payment WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, created_at`,
          [ids],
        ),
        (p) => p.orderId!,
      ),
    ).load(orderId);
    return rows ?? [];
  }

  /** The one open payment of each order (a counter payment or a card's), for `amountDue`. */
  openFor(ctx: HasLoaders, orderId: string): Promise<PaymentRow | null> {
    return loader<string, PaymentRow>(ctx, 'openPaymentByOrder', async (ids) =>
      byKeys(
        ids,
        await this.tx.manager.query<PaymentRow[]>(`SELECT ${COLUMNS} FROM payment WHERE order_id = ANY($1::uuid[]) AND state = 'OPEN'`, [
          ids,
        ]),
        (p) => p.orderId!,
      ),
    ).load(orderId);
  }

  /**
   * The repair job: authorisations that no order took within PAYMENT_ORPHAN_AFTER_SECONDS (a crash between
   * authorising and placing) are voided, and cards whose order owes nothing more but still hold an amount
   * are released. Rows are taken with SKIP LOCKED, so several processes share the work.
   */
  async repair(limit = 20): Promise<number> {
    if (!this.provider) return 0;
    const refunds = await this.refunds.retryDue(limit);
    const due = await this.tx.manager.query<{ id: string }[]>(
      `SELECT id FROM payment
       WHERE (order_id IS NULL AND state IN ('AUTHORIZING', 'AUTHORIZED', 'VOIDING') AND created_at < now() - make_interval(secs => $1))
          OR (state = 'OPEN' AND method = 'CARD' AND captured + released >= due)
       ORDER BY created_at LIMIT $2`,
      [this.config.get('PAYMENT_ORPHAN_AFTER_SECONDS'), limit],
    );
    let repaired = 0;
    // One transaction per row, a failure kept to its row: one row that cannot be repaired never stops the others.
    for (const { id } of due) {
      try {
        if (await this.tx.run(() => this.repairOne(id))) repaired++;
      } catch (err) {
        this.logger.warn(`payment ${id} not repaired: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return repaired + refunds;
  }

  private async repairOne(id: string): Promise<boolean> {
    const [p] = await this.tx.manager.query<PaymentRow[]>(`SELECT ${COLUMNS} FROM payment WHERE id = $1 FOR UPDATE SKIP LOCKED`, [id]);
    if (!p) return false; // another process has it
    if (p.orderId === null && p.state === 'AUTHORIZING') {
      // The provider's answer was never written: there is no reference to release by.
      await this.tx.manager.query(`UPDATE payment SET state = 'FAILED', updated_at = now() WHERE id = $1`, [p.id]);
      return true;
    }
    if (p.orderId === null) return this.voidUnplaced(p.id);
    if (p.state === 'OPEN' && p.captured + p.released >= p.due) return this.closeOnProvider(p);
    return false;
  }

  /** Releases what a card still holds once nothing more is owed; true when it is done. */
  private async closeOnProvider(p: PaymentRow): Promise<boolean> {
    if (p.method !== PaymentMethod.CARD) {
      await this.tx.manager.query(`UPDATE payment SET state = 'CLOSED', updated_at = now() WHERE id = $1 AND state = 'OPEN'`, [p.id]);
      return true;
    }
    const outcome =
      p.authorized > p.captured
        ? await this.call(() => this.requireProvider().void({ reference: p.providerRef!, idempotencyKey: `void-${p.id}-${p.attempt}` }))
        : ({ ok: true, reference: 'nothing-held' } as const);
    if (p.authorized > p.captured) await this.record(p.id, 'VOID', p.authorized - p.captured, outcome, `void-${p.id}-${p.attempt}`);
    if (!outcome.ok) return false;
    await this.tx.manager.query(
      `UPDATE payment SET state = CASE WHEN captured = 0 THEN 'VOIDED' ELSE 'CLOSED' END, updated_at = now() WHERE id = $1 AND state = 'OPEN'`,
      [p.id],
    );
    return true;
  }

  private async openPayment(orderId: string): Promise<PaymentRow | undefined> {
    const [p] = await this.tx.manager.query<PaymentRow[]>(
      `SELECT ${COLUMNS} FROM payment WHERE order_id = $1 AND state = 'OPEN' ORDER BY created_at LIMIT 1 FOR UPDATE`,
      [orderId],
    );
    return p;
  }

  /** Moves `column` by `amount` within the CHECKed bounds, and records the movement. */
  private async move(
    p: PaymentRow,
    column: 'captured' | 'released',
    amount: number,
    kind: 'CAPTURE' | 'COUNTER' | 'RELEASE',
    outcome: ProviderOutcome,
    key: string,
    fulfillmentId: string,
  ): Promise<PaymentRow> {
    const [after] = await this.tx.manager.query<PaymentRow[]>(
      `WITH u AS (UPDATE payment SET ${column} = ${column} + $2, updated_at = now()
         WHERE id = $1 AND captured + released + $2 <= due RETURNING ${COLUMNS}) SELECT * FROM u`,
      [p.id, amount],
    );
    if (!after) throw new Error(`payment ${p.id}: ${column} + ${amount} would pass what is due`); // the row is locked: cannot happen
    await this.record(p.id, kind, amount, outcome, key, fulfillmentId);
    return after;
  }

  private async record(
    paymentId: string,
    kind: string,
    amount: number,
    outcome: ProviderOutcome,
    key: string,
    fulfillmentId: string | null = null,
  ): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO payment_transaction (payment_id, kind, amount, outcome, provider_ref, idempotency_key, fulfillment_id, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (idempotency_key) WHERE outcome = 'SUCCEEDED' DO NOTHING`,
      [
        paymentId,
        kind,
        amount,
        outcome.ok ? 'SUCCEEDED' : outcome.declined ? 'DECLINED' : 'FAILED',
        outcome.ok ? outcome.reference : null,
        key,
        fulfillmentId,
        outcome.ok ? null : outcome.message.slice(0, 500),
      ],
    );
  }

  /** A provider call whose throw (a bug in an adapter, a network error it did not map) reads as "unavailable". */
  private async call(fn: () => Promise<ProviderOutcome>): Promise<ProviderOutcome> {
    try {
      return await fn();
    } catch (err) {
      this.logger.warn(`payment provider: ${err instanceof Error ? err.message : String(err)}`);
      return { ok: false, declined: false, message: 'The payment provider could not be reached' };
    }
  }

  /** The row of `key` once its first attempt has been answered (a parallel retry waits for it). */
  private async settled(key: string): Promise<PaymentRow> {
    const until = Date.now() + IN_FLIGHT_WAIT_MS;
    for (;;) {
      const [row] = await this.tx.manager.query<PaymentRow[]>(`SELECT ${COLUMNS} FROM payment WHERE idempotency_key = $1`, [key]);
      if (row.state !== 'AUTHORIZING' && row.state !== 'VOIDING') return row;
      if (Date.now() > until) throw unavailable('The first attempt of this checkout is still being authorised; retry');
      await sleep(50);
    }
  }

  private requireProvider(): PaymentProvider {
    if (!this.provider)
      throw new BusinessError(ErrorCode.PAYMENT_METHOD_NOT_ALLOWED, 'Card payments are not taken here', ['payment', 'method']);
    return this.provider;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex');
const declined = (message: string) => new BusinessError(ErrorCode.PAYMENT_DECLINED, message, ['payment', 'token']);
const unavailable = (message: string) => new BusinessError(ErrorCode.PAYMENT_UNAVAILABLE, message, ['payment']);
