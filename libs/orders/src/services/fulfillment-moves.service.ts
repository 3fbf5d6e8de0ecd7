import { Injectable } from '@nestjs/common';
import { BusinessError, Clock, ErrorCode, FulfillmentType, TransactionHost } from '@app/common';
import { type MovementMeta, StockLedger, StockMovementType } from '@app/inventory';
import { LocationsService } from '@app/locations';
import { NotificationOutbox, type NotificationPayload, NotificationTemplate } from '@app/notifications';
import { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import type { OrderEntity } from '../entities/order.entity.js';
import { FulfillmentStatus as S } from '../order-enums.js';
import { FulfillmentAction as A, nextStatus, orderStatusOf } from './fulfillment-state-machine.js';
import { OrderPayments } from '../payments/order-payments.service.js';
import { OrderEvents } from './order-events.js';

interface Line {
  id: string;
  variantId: string;
  quantity: number;
}

/**
 * One legal move of a locked fulfilment (FulfillmentTransitions takes the locks and checks who may): the
 * stock it implies, the money (captured when handed over or shipped, released when cancelled or expired), its
 * status and timestamps, the messages, and the order's status, in the caller's transaction.
 */
@Injectable()
export class FulfillmentMoves {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: StockLedger,
    private readonly outbox: NotificationOutbox,
    private readonly locations: LocationsService,
    private readonly orderEvents: OrderEvents,
    private readonly clock: Clock,
    private readonly money: OrderPayments,
  ) {}

  /**
   * Applies one legal move: stock, status and timestamps, messages, and the order's status. `taken` (units
   * by variant, COLLECT only) is a partial collect: those units leave, the rest go back on sale at once and
   * only what was taken is paid for; without it a collect takes every unit.
   */
  async apply(
    order: OrderEntity,
    f: FulfillmentEntity,
    action: A,
    staffId: string | null,
    notify = true,
    taken?: Map<string, number>,
  ): Promise<FulfillmentEntity> {
    const to = nextStatus(f.type, f.status, action);
    if (!to) throw invalidState(f, action);
    const lines: Line[] = await this.tx.manager.query(
      `SELECT id, variant_id AS "variantId", quantity FROM order_line WHERE fulfillment_id = $1 ORDER BY variant_id, position`,
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
            await this.ledger.receiveHeld(f.pickupLocationId!, l.variantId, l.quantity, meta(StockMovementType.TRANSFER_IN), true);
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
        // On their way to the pickup store: incoming there until received (ADR 0031).
        if (f.type === FulfillmentType.SHIP_TO_STORE)
          for (const l of lines) await this.ledger.expect(f.pickupLocationId!, l.variantId, l.quantity, meta(StockMovementType.IN_TRANSIT));
        // A delivery is the customer's once it leaves; a transfer to a pickup store is paid when collected there.
        if (f.type === FulfillmentType.DELIVERY) await this.money.handedOver(order, f);
        set.shipped_at = this.clock.date();
        message = NotificationTemplate.SHIPPED;
        break;
      case A.COLLECT: {
        const left = new Map(taken);
        for (const l of lines) {
          const took = taken ? Math.min(left.get(l.variantId) ?? 0, l.quantity) : l.quantity;
          left.set(l.variantId, (left.get(l.variantId) ?? 0) - took);
          if (took > 0) await this.ledger.consume(f.pickupLocationId!, l.variantId, took, meta(StockMovementType.COLLECTION));
          if (took < l.quantity)
            await this.ledger.release(f.pickupLocationId!, l.variantId, l.quantity - took, {
              ...meta(StockMovementType.RELEASE),
              reason: 'LEFT_AT_COUNTER', // tried on and not taken: back on sale at once
            });
          await this.tx.manager.query(`UPDATE order_line SET collected = $2 WHERE id = $1`, [l.id, took]);
        }
        if (taken) await this.money.partlyHandedOver(order, f);
        else await this.money.handedOver(order, f);
        set.closed_at = this.clock.date();
        break;
      }
      case A.MARK_DELIVERED:
        set.closed_at = this.clock.date();
        break;
      case A.EXPIRE:
      case A.CANCEL:
        for (const l of lines) await this.ledger.release(heldAt, l.variantId, l.quantity, meta(StockMovementType.RELEASE));
        await this.money.released(order, f);
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
    await this.orderEvents.fulfillmentChanged(order, f.id, to);
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
    await this.refreshOrderStatus(order);
    this.orderEvents.changed(order.id, [f]);
    return (await this.tx.manager.getRepository(FulfillmentEntity).findOneBy({ id: f.id }))!;
  }

  /** Cancels each of the order's open fulfilments, then tells the customer once (ORDER_CANCELLED). */
  async cancelAll(order: OrderEntity, open: FulfillmentEntity[], staffId: string | null): Promise<void> {
    for (const f of open) await this.apply(order, f, A.CANCEL, staffId, false);
    await this.outbox.enqueue({
      orderId: order.id,
      template: NotificationTemplate.ORDER_CANCELLED,
      to: recipient(order),
      payload: { orderNumber: order.number },
    });
  }

  /**
   * After a shortage changed an order's fulfilments (FulfillmentShortages): its status, the customer told
   * what could not be supplied (the order cancelled, or some items), and the order's subscribers.
   */
  async afterShortage(order: OrderEntity, f: FulfillmentEntity, unfilled: boolean): Promise<void> {
    const [now] = await this.tx.manager.query<{ status: string }[]>(`SELECT status FROM fulfillment WHERE id = $1`, [f.id]);
    await this.orderEvents.fulfillmentChanged(order, f.id, now.status); // its lines changed, its status perhaps
    await this.refreshOrderStatus(order);
    const [{ status }] = await this.tx.manager.query<{ status: string }[]>(`SELECT status FROM customer_order WHERE id = $1`, [order.id]);
    if (status === 'CANCELLED' || unfilled)
      await this.outbox.enqueue({
        orderId: order.id,
        template: status === 'CANCELLED' ? NotificationTemplate.ORDER_CANCELLED : NotificationTemplate.ITEMS_UNAVAILABLE,
        to: recipient(order),
        payload: { orderNumber: order.number },
      });
    this.orderEvents.changed(order.id, [f]);
  }

  /** The order's status from its fulfilments'; ORDER_UPDATED when that changed it. */
  private async refreshOrderStatus(order: OrderEntity): Promise<void> {
    const rows: { status: S }[] = await this.tx.manager.query(`SELECT status FROM fulfillment WHERE order_id = $1`, [order.id]);
    const status = orderStatusOf(rows.map((r) => r.status));
    const [, changed] = await this.tx.manager.query<[unknown[], number]>(
      `UPDATE customer_order SET status = $2, updated_at = now() WHERE id = $1 AND status <> $2`,
      [order.id, status],
    );
    if (changed) await this.orderEvents.statusChanged(order, status);
  }
}

export const recipient = (order: OrderEntity) => ({ email: order.contactEmail, phone: order.contactPhone });

export const invalidState = (f: FulfillmentEntity, action: A) =>
  new BusinessError(ErrorCode.INVALID_STATE, `A ${f.type} fulfilment that is ${f.status} cannot take ${action}`, ['id']);
