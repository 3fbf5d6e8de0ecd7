import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Caller, type RequestContext, requireActsAt, type StaffCaller } from '@app/auth';
import { CatalogueService } from '@app/catalogue';
import { BusinessError, Clock, ErrorCode, forbidden, notFound, TransactionHost, unauthenticated } from '@app/common';
import { AppConfig } from '@app/config';
import { StockLedger, StockMovementType } from '@app/inventory';
import { LocationsService } from '@app/locations';
import { NotificationOutbox, NotificationTemplate } from '@app/notifications';
import { OrderReturns, type ReturnableOrder } from '@app/orders';
import { RefundsService } from '@app/payments';
import { WebhookEventType, WebhookOutbox } from '@app/webhooks';
import {
  type CounterReturnLineInput,
  type ExchangeLineInput,
  type Return,
  ReturnDisposition,
  type ReturnCreateInput,
  type ReturnReceiveInput,
  type ReturnRequestInput,
  ReturnStatus as S,
} from '../models/return.model.js';
import { placeOnLines, type PlacedLine, refundOf } from './return-lines.js';
import { ReturnQueries } from './return-queries.service.js';

/** Units received: of a variant, where they go, and why they came back. */
interface Received {
  variantId: string;
  quantity: number;
  disposition: ReturnDisposition;
  reason: string;
}

/**
 * Returns of units bought anywhere, brought back to any store (docs/adr/0033-returns.md). Each runs in one
 * transaction that locks the order first, so two returns of one order (two stores receiving the same return,
 * a counter return beside an online request) take turns: units placed on order lines never pass what was
 * handed over, refunds never pass what was paid, and the same return is received once.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly orders: OrderReturns,
    private readonly queries: ReturnQueries,
    private readonly ledger: StockLedger,
    private readonly refunds: RefundsService,
    private readonly outbox: NotificationOutbox,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /** The customer who placed the order (or staff for them): a numbered return to bring to any store. */
  request(caller: Caller, input: ReturnRequestInput): Promise<Return> {
    if (caller.kind === 'guest') throw unauthenticated();
    return this.tx.run(async () => {
      const order = await this.orders.lockForReturn(input.orderId);
      if (!order) throw notFound('Order');
      if (caller.kind === 'customer' && order.customerId !== caller.customerId) throw forbidden('Customers return their own orders');
      const placed = placeOnLines(order.lines, input.lines, await this.queries.takenByLine(order.id), this.windowDays, this.clock.date());
      const id = await this.insertReturn(order, S.REQUESTED, caller.kind === 'staff' ? caller.staffId : null, null);
      await this.insertLines(
        id,
        placed.map((p) => ({ p, reason: p.asked.reason, disposition: null, exchanged: 0, refund: 0 })),
      );
      const r = (await this.queries.get(id))!;
      await this.notify(order, NotificationTemplate.RETURN_REQUESTED, r);
      return r;
    });
  }

  /**
   * Staff of any store receive a requested return: what came back (no more than was asked) goes on hand
   * there, on sale or as unsellable, and the money goes back. Once: a second receipt is INVALID_STATE.
   */
  receive(caller: Caller, input: ReturnReceiveInput): Promise<Return> {
    const staff = requireActsAt(caller, input.locationId);
    return this.thenRefund(async () => {
      const head = await this.queries.lockHead(input.returnId);
      if (!head) throw notFound('Return');
      const order = (await this.orders.lockForReturn(head.orderId))!;
      const r = await this.queries.lockHead(input.returnId); // read again under the order's lock: a parallel receipt has finished
      if (r!.status !== S.REQUESTED) throw new BusinessError(ErrorCode.INVALID_STATE, `Return ${r!.number} is ${r!.status}`, ['returnId']);
      await this.requireStore(input.locationId);
      const asked = await this.queries.linesOf(r!.id);
      const received: Received[] = input.lines.map((l, i) => {
        const want = asked.filter((a) => a.variantId === l.variantId).reduce((n, a) => n + a.quantity, 0);
        if (want === 0)
          throw new BusinessError(ErrorCode.RETURN_NOT_ALLOWED, 'This return does not hold that variant', [
            'lines',
            String(i),
            'variantId',
          ]);
        if (l.quantity > want)
          throw new BusinessError(ErrorCode.RETURN_QUANTITY_EXCEEDED, `The return asked for ${want} of these units`, [
            'lines',
            String(i),
            'quantity',
          ]);
        return { ...l, reason: asked.find((a) => a.variantId === l.variantId)!.reason };
      });
      // Its own lines no longer hold units against the order: they are placed again as received.
      await this.tx.manager.query(`DELETE FROM order_return_line WHERE return_id = $1`, [r!.id]);
      // The window was checked when the return was asked for.
      const placed = placeOnLines(order.lines, received, await this.queries.takenByLine(order.id), Infinity, this.clock.date());
      return this.complete(staff, order, r!.id, input.locationId, placed);
    });
  }

  /** Staff at the counter: a return received at once, with sizes swapped for others of the same product. */
  create(ctx: RequestContext, input: ReturnCreateInput): Promise<Return> {
    const staff = requireActsAt(ctx.caller, input.locationId);
    const hash = requestHash(input);
    return this.thenRefund(async () => {
      const replay = await this.queries.byKey(staff.staffId, input.idempotencyKey);
      if (replay) {
        if (replay.hash !== hash)
          throw new BusinessError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotencyKey made another return', ['idempotencyKey']);
        return (await this.queries.get(replay.id))!;
      }
      const order = await this.orders.lockForReturn(input.orderId);
      if (!order) throw notFound('Order');
      await this.requireStore(input.locationId);
      const again = await this.queries.byKey(staff.staffId, input.idempotencyKey); // a parallel retry placed it while we waited
      if (again) return (await this.queries.get(again.id))!;
      const toSwap = await this.checkExchange(input.lines, input.exchange ?? []);
      const placed = placeOnLines(order.lines, input.lines, await this.queries.takenByLine(order.id), this.windowDays, this.clock.date());
      // The swapped units of each variant are the first placed ones: they refund nothing.
      const swapped = placed.map((p) => {
        const swap = Math.min(toSwap.get(p.asked.variantId) ?? 0, p.quantity);
        toSwap.set(p.asked.variantId, (toSwap.get(p.asked.variantId) ?? 0) - swap);
        return swap;
      });
      const id = await this.insertReturn(order, S.REQUESTED, staff.staffId, { key: input.idempotencyKey, hash });
      if (input.exchange?.length) {
        const exchangeOrderId = await this.orders.placeExchange(ctx, staff, {
          order,
          locationId: input.locationId,
          lines: input.exchange.map((e) => ({ variantId: e.variantId, quantity: e.quantity })),
          key: `exchange-${id}`,
        });
        await this.tx.manager.query(`UPDATE order_return SET exchange_order_id = $2 WHERE id = $1`, [id, exchangeOrderId]);
      }
      return this.complete(staff, order, id, input.locationId, placed, swapped);
    });
  }

  /** Runs `work` in a transaction, then asks the provider for the card refund it owes, so the answer shows it made. */
  private async thenRefund(work: () => Promise<Return>): Promise<Return> {
    const r = await this.tx.run(work);
    if (r.refundMethod !== 'CARD' || r.refundSettled) return r;
    await this.refunds.sendNow(r.id);
    return (await this.queries.get(r.id))!;
  }

  private get windowDays(): number {
    return this.config.get('RETURN_WINDOW_DAYS');
  }

  /**
   * Receives placed units at a location: each line's units on hand there (movement RETURN, unsellable when
   * DAMAGED), its refund (the units not swapped, as the capture valued them), the money back, the notices.
   */
  private async complete(
    staff: StaffCaller,
    order: ReturnableOrder,
    id: string,
    locationId: string,
    placed: PlacedLine<Received>[],
    swaps: number[] = [],
  ): Promise<Return> {
    const before = await this.queries.receivedByLine(order.id);
    let refund = 0;
    const rows = placed.map((p, i) => {
      const swapped = swaps[i] ?? 0;
      const done = before.get(p.line.orderLineId) ?? 0;
      const money = refundOf(p.line, done + swapped, p.quantity - swapped);
      before.set(p.line.orderLineId, done + p.quantity);
      refund += money;
      return { p, reason: p.asked.reason, disposition: p.asked.disposition, exchanged: swapped, refund: money };
    });
    await this.insertLines(id, rows);
    const number = (await this.queries.lockHead(id))!.number;
    const meta = { type: StockMovementType.RETURN, reference: number, staffId: staff.staffId };
    for (const r of [...rows].sort((a, b) => a.p.line.variantId.localeCompare(b.p.line.variantId)))
      await this.ledger.returned(locationId, r.p.line.variantId, r.p.quantity, r.disposition === ReturnDisposition.DAMAGED, {
        ...meta,
        reason: r.reason,
      });
    const method = await this.refunds.refund(order.id, refund, id);
    await this.tx.manager.query(
      `UPDATE order_return SET status = 'RECEIVED', location_id = $2, received_at = now(), received_by_staff_id = $3, refund_amount = $4,
         refund_method = $5, updated_at = now() WHERE id = $1`,
      [id, locationId, staff.staffId, refund, method],
    );
    const r = (await this.queries.get(id))!;
    // The order's row is held: the event keeps its place among the order's others.
    await this.webhooks.emit(WebhookEventType.RETURN_RECEIVED, {
      returnId: id,
      returnNumber: r.number,
      orderId: order.id,
      orderNumber: order.number,
    });
    const store = await this.locations.find(locationId);
    await this.notify(order, NotificationTemplate.RETURN_RECEIVED, r, store?.name ?? null);
    if (refund > 0) await this.notify(order, NotificationTemplate.REFUND_ISSUED, r);
    return r;
  }

  /** Each swap: another variant of the same product at the same price, no more units than come back of the returned one. */
  private async checkExchange(lines: CounterReturnLineInput[], exchange: ExchangeLineInput[]): Promise<Map<string, number>> {
    const swapped = new Map<string, number>();
    if (!exchange.length) return swapped;
    const variants = new Map(
      (await this.catalogue.findVariants(exchange.flatMap((e) => [e.returnedVariantId, e.variantId]))).map((v) => [v.id, v]),
    );
    for (const [i, e] of exchange.entries()) {
      const from = variants.get(e.returnedVariantId);
      const to = variants.get(e.variantId);
      const field = ['exchange', String(i)];
      if (!from || !to) throw notFound('Variant');
      if (from.productId !== to.productId || from.priceAmount !== to.priceAmount || from.priceCurrency !== to.priceCurrency)
        throw new BusinessError(ErrorCode.EXCHANGE_NOT_ALLOWED, 'A swap is for another size of the same product at the same price', field);
      swapped.set(from.id, (swapped.get(from.id) ?? 0) + e.quantity);
    }
    for (const [variantId, q] of swapped) {
      const back = lines.filter((l) => l.variantId === variantId).reduce((n, l) => n + l.quantity, 0);
      if (q > back) throw new BusinessError(ErrorCode.EXCHANGE_NOT_ALLOWED, `${q} swapped but ${back} brought back`, ['exchange']);
    }
    return swapped;
  }

  private async requireStore(locationId: string): Promise<void> {
    if (!(await this.locations.find(locationId))) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
  }

  private async insertReturn(
    order: ReturnableOrder,
    status: S,
    staffId: string | null,
    key: { key: string; hash: string } | null,
  ): Promise<string> {
    const [{ id }] = await this.tx.manager.query<{ id: string }[]>(
      `INSERT INTO order_return (order_id, order_channel, customer_id, status, currency, created_by_staff_id, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [order.id, order.channel, order.customerId, status, order.currency, staffId, key?.key ?? null, key?.hash ?? null],
    );
    return id;
  }

  private async insertLines(
    id: string,
    rows: { p: PlacedLine; reason: string; disposition: ReturnDisposition | null; exchanged: number; refund: number }[],
  ): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO order_return_line (return_id, order_line_id, variant_id, quantity, reason, disposition, exchanged, refund_amount)
       SELECT $1, ol, v, q, r, d, e, m FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int[]) AS x(ol, v, q, r, d, e, m)
       ON CONFLICT (return_id, order_line_id) DO UPDATE SET quantity = order_return_line.quantity + EXCLUDED.quantity,
         exchanged = order_return_line.exchanged + EXCLUDED.exchanged, refund_amount = order_return_line.refund_amount + EXCLUDED.refund_amount`,
      [
        id,
        rows.map((r) => r.p.line.orderLineId),
        rows.map((r) => r.p.line.variantId),
        rows.map((r) => r.p.quantity),
        rows.map((r) => r.reason),
        rows.map((r) => r.disposition),
        rows.map((r) => r.exchanged),
        rows.map((r) => r.refund),
      ],
    );
  }

  private notify(order: ReturnableOrder, template: NotificationTemplate, r: Return, storeName: string | null = null): Promise<void> {
    return this.outbox.enqueue({
      orderId: order.id,
      template,
      to: { email: order.contactEmail, phone: order.contactPhone },
      payload: {
        orderNumber: order.number,
        returnNumber: r.number,
        storeName,
        refund: `${(r.refund.amount / 100).toFixed(2)} ${r.refund.currency}`,
      },
    });
  }
}

/** What a counter return asks for, so a key reused for another request is told apart from a retry. */
function requestHash(input: ReturnCreateInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.orderId, input.locationId, input.lines, input.exchange ?? []]))
    .digest('hex');
}
