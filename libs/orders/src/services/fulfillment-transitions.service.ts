import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@app/audit';
import { type RequestContext, requireActsAt, StaffRole } from '@app/auth';
import { FulfillmentType } from '@app/cart';
import { BusinessError, Clock, ErrorCode, isUuid, notFound, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { type MovementMeta, StockLedger, StockMovementType } from '@app/inventory';
import { LocationsService } from '@app/locations';
import { NotificationOutbox, type NotificationPayload, NotificationTemplate } from '@app/notifications';
import { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import { OrderEntity } from '../entities/order.entity.js';
import { FulfillmentStatus as S } from '../order-enums.js';
import { actingLocation, FulfillmentAction as A, nextStatus, orderStatusOf } from './fulfillment-state-machine.js';
import { OrderAccess } from './order-access.service.js';
import { OrderEvents } from './order-events.js';
import { PickupCodes } from './pickup-code.js';

interface Line {
  variantId: string;
  quantity: number;
}

/**
 * Moves fulfilments through their lifecycle with the stock and messages each move implies. Locks are
 * taken order first, then fulfilment, then stock rows, everywhere, so concurrent moves wait instead of
 * deadlocking; the state is checked after the lock, so a second identical move is INVALID_STATE.
 */
@Injectable()
export class FulfillmentTransitions {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: StockLedger,
    private readonly outbox: NotificationOutbox,
    private readonly locations: LocationsService,
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
      return this.move(order, f, action, ctx.caller.kind === 'staff' ? ctx.caller.staffId : null);
    });
  }

  /**
   * Hands the goods over against the customer's code. A wrong code is counted (and stays counted: that
   * update commits on its own); past PICKUP_CODE_MAX_FAILURES the fulfilment refuses every code. A pickup
   * past its hold is expired here as the sweep would (which may not have run yet), and that commits too.
   */
  async collect(ctx: RequestContext, fulfillmentId: string, typed: string): Promise<FulfillmentEntity> {
    const outcome = await this.tx.run(async () => {
      const { order, f } = await this.lock(fulfillmentId);
      requireActsAt(ctx.caller, actingLocation(f, A.COLLECT));
      if (isDue(f, this.clock.date())) {
        await this.move(order, f, A.EXPIRE, null);
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
      return { done: await this.move(order, f, A.COLLECT, ctx.caller.kind === 'staff' ? ctx.caller.staffId : null) };
    });
    if (outcome.refusal) throw outcome.refusal;
    return outcome.done;
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
      for (const f of open) await this.move(order, f, A.CANCEL, staffId, false);
      await this.outbox.enqueue({
        orderId: order.id,
        template: NotificationTemplate.ORDER_CANCELLED,
        to: recipient(order),
        payload: { orderNumber: order.number },
      });
      return (await em.getRepository(OrderEntity).findOneBy({ id: order.id }))!;
    });
  }

  /** The sweep's move: a ready pickup past its hold. Returns false if it was no longer due (another process, or collected). */
  expire(fulfillmentId: string): Promise<boolean> {
    return this.tx.run(async () => {
      const { order, f } = await this.lock(fulfillmentId);
      if (!isDue(f, this.clock.date())) return false;
      await this.move(order, f, A.EXPIRE, null);
      return true;
    });
  }

  private async lock(fulfillmentId: string): Promise<{ order: OrderEntity; f: FulfillmentEntity }> {
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

  /** Applies one legal move: stock, status and timestamps, messages, and the order's status. */
  private async move(
    order: OrderEntity,
    f: FulfillmentEntity,
    action: A,
    staffId: string | null,
    notify = true,
  ): Promise<FulfillmentEntity> {
    const to = nextStatus(f.type, f.status, action);
    if (!to) throw invalidState(f, action);
    const lines: Line[] = await this.tx.manager.query(
      `SELECT variant_id AS "variantId", quantity FROM order_line WHERE fulfillment_id = $1 ORDER BY variant_id`,
      [f.id],
    );
    const meta = (type: StockMovementType): MovementMeta => ({ type, reference: order.number, reason: action, staffId });
    // Where the held units are now: at the source until shipped; at the pickup store once received.
    const heldAt = f.type === FulfillmentType.SHIP_TO_STORE && f.status === S.READY_FOR_PICKUP ? f.pickupLocationId! : f.sourceLocationId;
    const pickupStore = f.pickupLocationId ? await this.locations.find(f.pickupLocationId) : null;
    const set: Record<string, unknown> = { status: to };
    let message: NotificationTemplate | null = null;
    const extra: NotificationPayload = {};

    switch (action) {
      case A.MARK_READY:
      case A.RECEIVE: {
        if (action === A.RECEIVE)
          for (const l of lines)
            await this.ledger.receiveHeld(f.pickupLocationId!, l.variantId, l.quantity, meta(StockMovementType.TRANSFER_IN));
        const now = this.clock.date();
        const expiresAt = new Date(now.getTime() + pickupStore!.pickupHoldSeconds * 1000);
        Object.assign(set, { ready_at: now, expires_at: expiresAt });
        message = NotificationTemplate.READY_FOR_PICKUP;
        // The customer needs the code at the counter (a guest, or an order staff placed, has no other way to see it):
        // the messages carry it sealed, opened only when sent.
        const [{ sealed }] = await this.tx.manager.query<{ sealed: string | null }[]>(
          `SELECT pickup_code_sealed AS sealed FROM fulfillment WHERE id = $1`,
          [f.id],
        );
        extra.pickupCodeSealed = sealed;
        const before = Math.min(24 * 3600, pickupStore!.pickupHoldSeconds / 2) * 1000;
        await this.outbox.enqueue({
          orderId: order.id,
          fulfillmentId: f.id,
          template: NotificationTemplate.PICKUP_REMINDER,
          to: recipient(order),
          payload: {
            orderNumber: order.number,
            storeName: pickupStore!.name,
            expiresAt: expiresAt.toISOString(),
            pickupCodeSealed: sealed,
          },
          notBefore: new Date(expiresAt.getTime() - before),
        });
        f.expiresAt = expiresAt;
        break;
      }
      case A.SHIP:
        for (const l of lines) await this.ledger.consume(f.sourceLocationId, l.variantId, l.quantity, meta(StockMovementType.SHIPMENT));
        set.shipped_at = this.clock.date();
        message = NotificationTemplate.SHIPPED;
        break;
      case A.COLLECT:
        for (const l of lines) await this.ledger.consume(f.pickupLocationId!, l.variantId, l.quantity, meta(StockMovementType.COLLECTION));
        set.closed_at = this.clock.date();
        break;
      case A.MARK_DELIVERED:
        set.closed_at = this.clock.date();
        break;
      case A.EXPIRE:
      case A.CANCEL:
        for (const l of lines) await this.ledger.release(heldAt, l.variantId, l.quantity, meta(StockMovementType.RELEASE));
        set.closed_at = this.clock.date();
        if (action === A.EXPIRE) message = NotificationTemplate.PICKUP_EXPIRED;
        break;
    }
    if (to !== S.READY_FOR_PICKUP) await this.outbox.cancelPending(f.id, NotificationTemplate.PICKUP_REMINDER);
    const cols = Object.keys(set);
    await this.tx.manager.query(
      `UPDATE fulfillment SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [f.id, ...cols.map((c) => set[c])],
    );
    if (message && notify) {
      await this.outbox.enqueue({
        orderId: order.id,
        fulfillmentId: f.id,
        template: message,
        to: recipient(order),
        payload: {
          orderNumber: order.number,
          storeName: pickupStore?.name ?? null,
          expiresAt: f.expiresAt?.toISOString() ?? null,
          ...extra,
        },
      });
    }
    await this.refreshOrderStatus(order.id);
    this.orderEvents.changed(order.id, [f]);
    return (await this.tx.manager.getRepository(FulfillmentEntity).findOneBy({ id: f.id }))!;
  }

  private async refreshOrderStatus(orderId: string): Promise<void> {
    const rows: { status: S }[] = await this.tx.manager.query(`SELECT status FROM fulfillment WHERE order_id = $1`, [orderId]);
    await this.tx.manager.query(`UPDATE customer_order SET status = $2, updated_at = now() WHERE id = $1 AND status <> $2`, [
      orderId,
      orderStatusOf(rows.map((r) => r.status)),
    ]);
  }
}

/** A ready pickup whose hold has run out. */
const isDue = (f: FulfillmentEntity, now: Date) => f.status === S.READY_FOR_PICKUP && f.expiresAt !== null && f.expiresAt <= now;

const recipient = (order: OrderEntity) => ({ email: order.contactEmail, phone: order.contactPhone });

const invalidState = (f: FulfillmentEntity, action: A) =>
  new BusinessError(ErrorCode.INVALID_STATE, `A ${f.type} fulfilment that is ${f.status} cannot take ${action}`, ['id']);
