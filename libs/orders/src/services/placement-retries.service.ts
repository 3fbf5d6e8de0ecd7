import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@app/auth';
import { BusinessError, entityColumns, ErrorCode, pgCode, pgConstraint, PG_UNIQUE_VIOLATION, TransactionHost } from '@app/common';
import { OrderEntity } from '../entities/order.entity.js';
import { idempotencyScope } from './idempotency-scope.js';
import { OrderAccess } from './order-access.service.js';
import { type PlacedOrder, StockMoved } from './order-placement.service.js';
import { OrderWriter } from './order-writer.service.js';

const ATTEMPTS = 3;

/**
 * Each placement (checkout, assisted order) in its own transaction, idempotent per caller and key (ADR 0005):
 * a key already used answers with its order, a placement whose holds lost a race is planned again, and a key
 * that a parallel call committed first answers with that call's order.
 */
@Injectable()
export class PlacementRetries {
  constructor(
    private readonly tx: TransactionHost,
    private readonly writer: OrderWriter,
    private readonly access: OrderAccess,
  ) {}

  async run(
    ctx: RequestContext,
    key: { idempotencyKey: string; cartId?: string | null },
    place: (lastAttempt: boolean) => Promise<PlacedOrder>,
  ): Promise<PlacedOrder> {
    const earlier = await this.replay(ctx, key);
    if (earlier) return earlier;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx.run(() => place(attempt === ATTEMPTS));
      } catch (err) {
        if (err instanceof StockMoved && attempt < ATTEMPTS) continue;
        if (pgCode(err) === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'UQ_order_idempotency_scope_key') {
          const placed = await this.replay(ctx, key);
          if (placed) return placed;
        }
        throw err;
      }
    }
  }

  /**
   * The order an earlier call by this caller with this key made, if any (only for the same cart; null: an
   * assisted order). Another caller's keys are never looked at.
   */
  async replay(ctx: RequestContext, input: { idempotencyKey: string; cartId?: string | null }): Promise<PlacedOrder | null> {
    const em = this.tx.manager;
    const [order]: OrderEntity[] = await em.query(
      `SELECT ${entityColumns(em, OrderEntity)} FROM customer_order WHERE idempotency_scope = $1 AND idempotency_key = $2`,
      [idempotencyScope(ctx.caller, input.cartId ?? null), input.idempotencyKey],
    );
    if (!order) return null;
    if (order.cartId !== (input.cartId ?? null)) {
      throw new BusinessError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used for another cart', ['idempotencyKey']);
    }
    // Staff who placed it get their answer even when the order involves no store of theirs.
    const placedByCaller = ctx.caller.kind === 'staff' && order.placedByStaffId === ctx.caller.staffId;
    if (!placedByCaller) this.access.assertMayRead(ctx, order, await this.access.locationsOf(order.id));
    return { order, pickupCodes: await this.writer.openCodes(order.id) };
  }
}
