import { Injectable } from '@nestjs/common';
import { type Caller, requireActsAt } from '@app/auth';
import { BusinessError, ErrorCode, FulfillmentType, isUuid, TransactionHost } from '@app/common';
import { StockLedger, StockMovementType } from '@app/inventory';
import type { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import { OrderEntity } from '../entities/order.entity.js';
import { FulfillmentStatus as S } from '../order-enums.js';
import { OrderPayments } from '../payments/order-payments.service.js';
import { SourcingService } from '../sourcing/sourcing.service.js';
import { FulfillmentMoves } from './fulfillment-moves.service.js';
import { FulfillmentTransitions } from './fulfillment-transitions.service.js';
import { OrderWriter } from './order-writer.service.js';

interface Line {
  id: string;
  position: number;
  variantId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
}

/** One variant's missing units, and the order lines of the fulfilment they come out of. */
interface Missing {
  variantId: string;
  quantity: number;
}

/**
 * Units staff of the source cannot find (fulfillmentReportShortage), in one transaction: written off where
 * they were held (movement LOST), then sourced again for the same destination by the checkout's rule (the
 * pickup store's own shelf if it has others, else sent from another location; for a delivery, another
 * source), each hold a guarded reservation so nothing is oversold; what nothing can supply is moved to a
 * cancelled fulfilment, its money released, and the customer told.
 */
@Injectable()
export class FulfillmentShortages {
  constructor(
    private readonly tx: TransactionHost,
    private readonly transitions: FulfillmentTransitions,
    private readonly moves: FulfillmentMoves,
    private readonly ledger: StockLedger,
    private readonly sourcing: SourcingService,
    private readonly writer: OrderWriter,
    private readonly money: OrderPayments,
  ) {}

  report(caller: Caller, fulfillmentId: string, missing: Missing[]): Promise<OrderEntity> {
    return this.tx.run(async () => {
      const { order, f } = await this.transitions.lock(fulfillmentId);
      const staff = requireActsAt(caller, f.sourceLocationId);
      // Units are still held at the source: before they leave (a pickup on its own shelf, ready or not).
      const held = f.status === S.ALLOCATED || (f.type === FulfillmentType.PICKUP && f.status === S.READY_FOR_PICKUP);
      if (!held)
        throw new BusinessError(ErrorCode.INVALID_STATE, `A ${f.type} fulfilment that is ${f.status} has no units held at its source`, [
          'id',
        ]);
      const lines = await this.tx.manager.query<Line[]>(
        `SELECT id, position, variant_id AS "variantId", sku, quantity, unit_price AS "unitPrice"
         FROM order_line WHERE fulfillment_id = $1 ORDER BY position, id FOR UPDATE`,
        [f.id],
      );
      const short = checked(missing, lines);
      const meta = { type: StockMovementType.LOST, reference: order.number, reason: 'SHORTAGE', staffId: staff.staffId };
      for (const m of [...short].sort((a, b) => a.variantId.localeCompare(b.variantId)))
        await this.ledger.consume(f.sourceLocationId, m.variantId, m.quantity, meta);

      const unfilled: Line[] = [];
      for (const m of short) if (!(await this.resource(order, f, m, lines))) unfilled.push(...(await this.take(lines, m)));
      if (unfilled.length) {
        const gone = await this.writer.addFulfillment(order.id, f, unfilled, S.CANCELLED);
        await this.money.released(order, { id: gone.id } as FulfillmentEntity);
      }
      const [{ left }] = await this.tx.manager.query<{ left: number }[]>(
        `SELECT count(*)::int AS left FROM order_line WHERE fulfillment_id = $1`,
        [f.id],
      );
      if (left === 0)
        await this.tx.manager.query(`UPDATE fulfillment SET status = 'CANCELLED', closed_at = now(), updated_at = now() WHERE id = $1`, [
          f.id,
        ]);
      await this.moves.afterShortage(order, f, unfilled.length > 0);
      return (await this.tx.manager.getRepository(OrderEntity).findOneBy({ id: order.id }))!;
    });
  }

  /**
   * Holds `m` again for the fulfilment's destination where the plan says: the same shelf (the lines stay), or
   * a new fulfilment from another location (its units taken out of `lines`). False: nothing can supply it.
   */
  private async resource(order: OrderEntity, f: FulfillmentEntity, m: Missing, lines: Line[]): Promise<boolean> {
    const pickupStore = f.pickupLocationId;
    const planned = await this.sourcing.plan(
      [
        {
          variantId: m.variantId,
          quantity: m.quantity,
          fulfillmentType: pickupStore ? FulfillmentType.PICKUP : FulfillmentType.DELIVERY,
          locationId: pickupStore,
        },
      ],
      // A pickup's own shelf may still have others; a source that sends (a delivery, a transfer) is not asked again.
      { exclude: f.type === FulfillmentType.PICKUP ? undefined : f.sourceLocationId },
    );
    const to = planned.fulfillments?.[0];
    if (!to) return false;
    const meta = { type: StockMovementType.RESERVATION, reference: order.number, reason: 'SHORTAGE', staffId: null };
    if (!(await this.ledger.reserve(to.sourceLocationId, m.variantId, m.quantity, meta))) return false; // taken meanwhile
    const same = to.type === f.type && to.sourceLocationId === f.sourceLocationId && to.pickupLocationId === f.pickupLocationId;
    if (!same) await this.writer.addFulfillment(order.id, to, await this.take(lines, m));
    return true;
  }

  /**
   * Takes `m.quantity` units of its variant out of the fulfilment's lines (the last lines first): a line taken
   * whole is deleted, a line taken in part is reduced. Returns what was taken, as lines to write elsewhere.
   */
  private async take(lines: Line[], m: Missing): Promise<Line[]> {
    const taken: Line[] = [];
    let left = m.quantity;
    for (const l of [...lines].reverse().filter((x) => x.variantId === m.variantId)) {
      if (left === 0) break;
      const q = Math.min(left, l.quantity);
      if (q === l.quantity) await this.tx.manager.query(`DELETE FROM order_line WHERE id = $1`, [l.id]);
      else await this.tx.manager.query(`UPDATE order_line SET quantity = quantity - $2 WHERE id = $1`, [l.id, q]);
      l.quantity -= q;
      taken.push({ ...l, quantity: q });
      left -= q;
    }
    return taken;
  }
}

/** The missing units, one entry per variant, each within what the fulfilment holds of it; else a refusal naming the line. */
function checked(missing: Missing[], lines: Line[]): Missing[] {
  const byVariant = new Map<string, number>();
  for (const [i, m] of missing.entries()) {
    const held = lines.filter((l) => l.variantId === m.variantId).reduce((n, l) => n + l.quantity, 0);
    const total = (byVariant.get(m.variantId) ?? 0) + m.quantity;
    if (!isUuid(m.variantId) || held === 0)
      throw new BusinessError(ErrorCode.INVALID_QUANTITY, 'This fulfilment holds none of that variant', ['lines', String(i), 'variantId']);
    if (m.quantity < 1 || total > held)
      throw new BusinessError(ErrorCode.INVALID_QUANTITY, `This fulfilment holds ${held} of that variant`, [
        'lines',
        String(i),
        'quantity',
      ]);
    byVariant.set(m.variantId, total);
  }
  return [...byVariant].map(([variantId, quantity]) => ({ variantId, quantity }));
}
