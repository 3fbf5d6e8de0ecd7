import { Injectable } from '@nestjs/common';
import { groupByKeys, type HasLoaders, loader, Money, TransactionHost } from '@app/common';
import { RefundsService } from '@app/payments';
import type { Return, ReturnLine, ReturnReason, ReturnStatus } from '../models/return.model.js';

interface ReturnRow {
  id: string;
  number: string;
  status: ReturnStatus;
  orderId: string;
  locationId: string | null;
  currency: string;
  refundAmount: number;
  refundMethod: string | null;
  exchangeOrderId: string | null;
  createdAt: Date;
  receivedAt: Date | null;
  refundSettled: boolean;
}

const RETURN_COLUMNS = `r.id, r.number, r.status, r.order_id AS "orderId", r.location_id AS "locationId", r.currency,
  r.refund_amount AS "refundAmount", r.refund_method AS "refundMethod", r.exchange_order_id AS "exchangeOrderId",
  r.created_at AS "createdAt", r.received_at AS "receivedAt"`;

/** A return's line as stored. */
export interface StoredReturnLine {
  variantId: string;
  orderLineId: string;
  quantity: number;
  reason: ReturnReason;
}

/** What the returns tables say: returns as the API shows them, and the units they take from order lines. */
@Injectable()
export class ReturnQueries {
  constructor(
    private readonly tx: TransactionHost,
    private readonly refunds: RefundsService,
  ) {}

  async get(id: string): Promise<Return | null> {
    const [r] = await this.tx.manager.query<Omit<ReturnRow, 'refundSettled'>[]>(
      `SELECT ${RETURN_COLUMNS} FROM order_return r WHERE r.id = $1`,
      [id],
    );
    return r ? this.view(r, await this.lines([r.id])) : null;
  }

  async byNumber(number: string): Promise<Return | null> {
    const [r] = await this.tx.manager.query<{ id: string }[]>(`SELECT id FROM order_return WHERE number = $1`, [
      number.trim().toUpperCase(),
    ]);
    return r ? this.get(r.id) : null;
  }

  /** The returns of an order, oldest first, batched across the orders of one response. */
  async forOrder(ctx: HasLoaders, orderId: string): Promise<Return[]> {
    const found = await loader<string, Return[]>(ctx, 'returnsByOrder', async (ids) => {
      const rows = await this.tx.manager.query<Omit<ReturnRow, 'refundSettled'>[]>(
        `SELECT ${RETURN_COLUMNS} FROM order_return r WHERE r.order_id = ANY($1::uuid[]) ORDER BY r.created_at, r.id`,
        [ids],
      );
      const lines = await this.lines(rows.map((r) => r.id));
      return groupByKeys(ids, await Promise.all(rows.map((r) => this.view(r, lines))), (r) => r.orderId);
    }).load(orderId);
    return found ?? [];
  }

  /** Locks a return's row for its transaction (a receipt); null when there is none. */
  async lockHead(id: string): Promise<{ id: string; number: string; status: ReturnStatus; orderId: string } | null> {
    const [r] = await this.tx.manager.query<{ id: string; number: string; status: ReturnStatus; orderId: string }[]>(
      `SELECT id, number, status, order_id AS "orderId" FROM order_return WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return r ?? null;
  }

  /** The return a staff member's idempotency key made, with the hash of what it asked. */
  async byKey(staffId: string, key: string): Promise<{ id: string; hash: string } | null> {
    const [r] = await this.tx.manager.query<{ id: string; hash: string }[]>(
      `SELECT id, request_hash AS hash FROM order_return WHERE created_by_staff_id = $1 AND idempotency_key = $2`,
      [staffId, key],
    );
    return r ?? null;
  }

  linesOf(returnId: string): Promise<StoredReturnLine[]> {
    return this.tx.manager.query(
      `SELECT variant_id AS "variantId", order_line_id AS "orderLineId", quantity, reason FROM order_return_line WHERE return_id = $1`,
      [returnId],
    );
  }

  /** Units of each order line that returns take (asked for or received): they cannot come back twice. */
  takenByLine(orderId: string): Promise<Map<string, number>> {
    return this.sumByLine(orderId, ['REQUESTED', 'RECEIVED']);
  }

  /** Units of each order line already received: what refunds so far have counted. */
  receivedByLine(orderId: string): Promise<Map<string, number>> {
    return this.sumByLine(orderId, ['RECEIVED']);
  }

  private async sumByLine(orderId: string, statuses: string[]): Promise<Map<string, number>> {
    const rows = await this.tx.manager.query<{ orderLineId: string; units: number }[]>(
      `SELECT l.order_line_id AS "orderLineId", sum(l.quantity)::int AS units
       FROM order_return r JOIN order_return_line l ON l.return_id = r.id
       WHERE r.order_id = $1 AND r.status = ANY($2::text[]) GROUP BY l.order_line_id`,
      [orderId, statuses],
    );
    return new Map(rows.map((r) => [r.orderLineId, r.units]));
  }

  private lines(returnIds: string[]): Promise<(ReturnLine & { returnId: string; refundAmount: number })[]> {
    return returnIds.length
      ? this.tx.manager.query(
          `SELECT return_id AS "returnId", variant_id AS "variantId", sum(quantity)::int AS quantity, min(reason) AS reason,
                  min(disposition) AS disposition, sum(exchanged)::int AS exchanged, sum(refund_amount)::int AS "refundAmount"
           FROM order_return_line WHERE return_id = ANY($1::uuid[]) GROUP BY return_id, variant_id, disposition ORDER BY return_id, variant_id`,
          [returnIds],
        )
      : Promise.resolve([]);
  }

  private async view(
    r: Omit<ReturnRow, 'refundSettled'>,
    lines: (ReturnLine & { returnId: string; refundAmount: number })[],
  ): Promise<Return> {
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      orderId: r.orderId,
      locationId: r.locationId,
      exchangeOrderId: r.exchangeOrderId,
      createdAt: r.createdAt,
      receivedAt: r.receivedAt,
      refund: Money.of(r.refundAmount, r.currency),
      refundMethod: r.refundMethod,
      refundSettled: r.refundMethod !== 'CARD' || (await this.refunds.settled(r.id)),
      lines: lines
        .filter((l) => l.returnId === r.id)
        .map((l) => ({
          variantId: l.variantId,
          quantity: l.quantity,
          reason: l.reason,
          disposition: l.disposition ?? null,
          exchanged: l.exchanged,
          refund: Money.of(l.refundAmount, r.currency),
        })),
    };
  }
}
