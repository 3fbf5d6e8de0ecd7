import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@app/audit';
import { type RequestContext, requireActsAt, StaffRole } from '@app/auth';
import { BusinessError, Clock, ErrorCode, isUuid, notFound, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import { OrderEntity } from '../entities/order.entity.js';
import { FulfillmentStatus as S } from '../order-enums.js';
import { actingLocation, FulfillmentAction as A, nextStatus } from './fulfillment-state-machine.js';
import { FulfillmentMoves, invalidState } from './fulfillment-moves.service.js';
import { OrderAccess } from './order-access.service.js';
import { OrderEvents } from './order-events.js';
import { PickupCodes } from './pickup-code.js';

/**
 * Moves fulfilments through their lifecycle: who may, and the pickup code's checks, here; the stock and
 * messages each move implies in FulfillmentMoves. Locks are taken order first, then fulfilment, then stock rows, everywhere, so concurrent moves wait instead of
 * deadlocking; the state is checked after the lock, so a second identical move is INVALID_STATE.
 */
@Injectable()
export class FulfillmentTransitions {
  constructor(
    private readonly tx: TransactionHost,
    private readonly moves: FulfillmentMoves,
    private readonly codes: PickupCodes,
    private readonly access: OrderAccess,
    private readonly config: AppConfig,
    private readonly orderEvents: OrderEvents,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** A staff move (ready, ship, receive, delivered), by staff of the location that does it. */
  act(ctx: RequestContext, fulfillmentId: string, action: A): Promise<FulfillmentEntity> {
    return this.tx.run(async () => {
      const { order, f } = await this.lock(fulfillmentId);
      requireActsAt(ctx.caller, actingLocation(f, action));
      return this.moves.apply(order, f, action, ctx.caller.kind === 'staff' ? ctx.caller.staffId : null);
    });
  }

  /**
   * Hands the goods over against the customer's code. A wrong code is counted (and stays counted: that
   * update commits on its own); past PICKUP_CODE_MAX_FAILURES the fulfilment refuses every code. A pickup
   * past its hold is expired here as the sweep would (which may not have run yet), and that commits too.
   * With `lines`, the customer takes only those units (collect partial): they are checked before the code,
   * so a wrong list changes nothing and costs no try; the rest go back on sale and are not paid for.
   */
  async collect(ctx: RequestContext, fulfillmentId: string, typed: string, lines?: CollectLine[]): Promise<FulfillmentEntity> {
    const outcome = await this.tx.run(async () => {
      const { order, f } = await this.lock(fulfillmentId);
      requireActsAt(ctx.caller, actingLocation(f, A.COLLECT));
      if (isDue(f, this.clock.date())) {
        await this.moves.apply(order, f, A.EXPIRE, null);
        return {
          refusal: new BusinessError(
            ErrorCode.PICKUP_EXPIRED,
            'This pickup was not collected within its hold: it has expired and its stock is back on sale',
            ['id'],
          ),
        };
      }
      if (!nextStatus(f.type, f.status, A.COLLECT)) throw invalidState(f, A.COLLECT);
      const max = this.config.get('PICKUP_CODE_MAX_FAILURES');
      if (f.pickupCodeFailures >= max)
        return {
          refusal: new BusinessError(
            ErrorCode.PICKUP_CODE_LOCKED,
            "Too many wrong codes: this pickup is locked; a manager must check the customer's identity",
            ['pickupCode'],
          ),
        };
      let taken: Map<string, number> | undefined;
      if (lines) {
        const checked = await this.checkTaken(f.id, lines);
        if (checked instanceof BusinessError) return { refusal: checked };
        taken = checked;
      }
      const [{ hash }] = await this.tx.manager.query<{ hash: string | null }[]>(
        `SELECT pickup_code_hash AS hash FROM fulfillment WHERE id = $1`,
        [f.id],
      );
      if (!this.codes.matches(f.id, typed, hash)) {
        await this.tx.manager.query(`UPDATE fulfillment SET pickup_code_failures = pickup_code_failures + 1 WHERE id = $1`, [f.id]);
        if (f.pickupCodeFailures + 1 >= max) this.orderEvents.changed(order.id, [f]); // now locked: the queue shows it
        return {
          refusal: new BusinessError(ErrorCode.INVALID_PICKUP_CODE, `Wrong pickup code (${max - f.pickupCodeFailures - 1} tries left)`, [
            'pickupCode',
          ]),
        };
      }
      const staffId = ctx.caller.kind === 'staff' ? ctx.caller.staffId : null;
      return { done: await this.moves.apply(order, f, A.COLLECT, staffId, true, taken) };
    });
    if (outcome.refusal) throw outcome.refusal;
    return outcome.done;
  }

  /**
   * The units a partial collect takes, by variant (the same variant listed twice adds up): every variant one
   * of the fulfilment's lines, 0 to its units, and at least one unit in all (taking none is a cancellation).
   */
  private async checkTaken(fulfillmentId: string, lines: CollectLine[]): Promise<Map<string, number> | BusinessError> {
    const held = new Map<string, number>();
    for (const l of await this.tx.manager.query<{ variantId: string; quantity: number }[]>(
      `SELECT variant_id AS "variantId", quantity FROM order_line WHERE fulfillment_id = $1`,
      [fulfillmentId],
    ))
      held.set(l.variantId, (held.get(l.variantId) ?? 0) + l.quantity);
    const taken = new Map<string, number>();
    for (const [i, l] of lines.entries()) {
      if (!held.has(l.variantId))
        return new BusinessError(ErrorCode.NOT_IN_FULFILLMENT, `Variant ${l.variantId} is not in this fulfilment`, [
          'lines',
          String(i),
          'variantId',
        ]);
      const sum = (taken.get(l.variantId) ?? 0) + l.quantity;
      if (l.quantity < 0 || sum > held.get(l.variantId)!)
        return new BusinessError(
          ErrorCode.INVALID_QUANTITY,
          `Between 0 and ${held.get(l.variantId)} units of variant ${l.variantId} can be collected (asked ${sum})`,
          ['lines', String(i), 'quantity'],
        );
      taken.set(l.variantId, sum);
    }
    if (![...taken.values()].some((q) => q > 0))
      return new BusinessError(
        ErrorCode.NOTHING_COLLECTED,
        'No unit is taken: cancel the order (orderCancel) or let the hold expire instead of collecting nothing',
        ['lines'],
      );
    return taken;
  }

  /** Too many wrong codes: the pickup refuses every code until it is unlocked. */
  isLocked(f: { pickupCodeFailures: number }): boolean {
    return f.pickupCodeFailures >= this.config.get('PICKUP_CODE_MAX_FAILURES');
  }

  /**
   * Clears a ready pickup's wrong-code lock: a manager of the pickup store (or an admin), once they have
   * checked the customer's identity. The audit entry, with who did it, commits with the reset or not at all.
   */
  unlock(ctx: RequestContext, fulfillmentId: string): Promise<FulfillmentEntity> {
    return this.tx.run(async () => {
      const { order, f } = await this.lock(fulfillmentId);
      const staff = requireActsAt(ctx.caller, actingLocation(f, A.COLLECT), [StaffRole.MANAGER, StaffRole.ADMIN]);
      if (f.status !== S.READY_FOR_PICKUP || !this.isLocked(f)) {
        throw new BusinessError(
          ErrorCode.INVALID_STATE,
          `Only a ready pickup locked by wrong codes can be unlocked (this one is ${f.status}, ${f.pickupCodeFailures} wrong codes)`,
          ['id'],
        );
      }
      await this.tx.manager.query(`UPDATE fulfillment SET pickup_code_failures = 0, updated_at = now() WHERE id = $1`, [f.id]);
      await this.audit.record({
        action: AuditAction.PICKUP_UNLOCKED,
        staffId: staff.staffId,
        subjectType: 'Fulfillment',
        subjectId: f.id,
        before: { pickupCodeFailures: f.pickupCodeFailures },
        after: { pickupCodeFailures: 0 },
      });
      this.orderEvents.changed(order.id, [f]);
      return (await this.tx.manager.getRepository(FulfillmentEntity).findOneBy({ id: f.id }))!;
    });
  }

  /** Cancels every fulfilment of an order that has not left yet, releasing what was held; all or nothing. */
  cancelOrder(ctx: RequestContext, orderId: string): Promise<OrderEntity> {
    return this.tx.run(async (em) => {
      const order = await this.lockOrder(orderId);
      this.access.assertMayCancel(ctx, order, await this.access.locationsOf(order.id));
      const fs: FulfillmentEntity[] = await em
        .getRepository(FulfillmentEntity)
        .createQueryBuilder('f')
        .where('f.orderId = :id', { id: order.id })
        .orderBy('f.id')
        .setLock('pessimistic_write')
        .getMany();
      const open = fs.filter((f) => f.status !== S.CANCELLED && f.status !== S.EXPIRED);
      if (!open.length) throw new BusinessError(ErrorCode.INVALID_STATE, 'This order is already cancelled', ['id']);
      const stuck = open.find((f) => !nextStatus(f.type, f.status, A.CANCEL));
      if (stuck) throw invalidState(stuck, A.CANCEL);
      const staffId = ctx.caller.kind === 'staff' ? ctx.caller.staffId : null;
      await this.moves.cancelAll(order, open, staffId);
      return (await em.getRepository(OrderEntity).findOneBy({ id: order.id }))!;
    });
  }

  /** The sweep's move: a ready pickup past its hold. Returns false if it was no longer due (another process, or collected). */
  expire(fulfillmentId: string): Promise<boolean> {
    return this.tx.run(async () => {
      const { order, f } = await this.lock(fulfillmentId);
      if (!isDue(f, this.clock.date())) return false;
      await this.moves.apply(order, f, A.EXPIRE, null);
      return true;
    });
  }

  /** Locks the order, then the fulfilment (the order every move takes them in). */
  async lock(fulfillmentId: string): Promise<{ order: OrderEntity; f: FulfillmentEntity }> {
    const [row] = isUuid(fulfillmentId)
      ? await this.tx.manager.query<{ order_id: string }[]>(`SELECT order_id FROM fulfillment WHERE id = $1`, [fulfillmentId])
      : [];
    if (!row) throw notFound('Fulfillment');
    const order = await this.lockOrder(row.order_id);
    const f = (await this.tx.manager
      .getRepository(FulfillmentEntity)
      .createQueryBuilder('f')
      .where('f.id = :id', { id: fulfillmentId })
      .setLock('pessimistic_write')
      .getOne())!;
    return { order, f };
  }

  private async lockOrder(orderId: string): Promise<OrderEntity> {
    const order = isUuid(orderId)
      ? await this.tx.manager
          .getRepository(OrderEntity)
          .createQueryBuilder('o')
          .where('o.id = :id', { id: orderId })
          .setLock('pessimistic_write')
          .getOne()
      : null;
    if (!order) throw notFound('Order');
    return order;
  }
}

/** Units of one variant a customer takes at the counter. */
export interface CollectLine {
  variantId: string;
  quantity: number;
}

/** A ready pickup whose hold has run out. */
const isDue = (f: FulfillmentEntity, now: Date) => f.status === S.READY_FOR_PICKUP && f.expiresAt !== null && f.expiresAt <= now;
