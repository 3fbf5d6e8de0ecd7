import { Injectable } from '@nestjs/common';
import { groupByKeys, type HasLoaders, loader, TransactionHost } from '@app/common';
import {
  NotificationChannel,
  NotificationEntity,
  type NotificationPayload,
  type NotificationTemplate,
} from '../entities/notification.entity.js';

export interface Recipient {
  email: string;
  phone?: string | null;
}

export interface NewNotification {
  orderId: string;
  fulfillmentId?: string | null;
  template: NotificationTemplate;
  to: Recipient;
  payload: NotificationPayload;
  /** Not to be sent before this time (reminders). */
  notBefore?: Date;
}

/** What an erased notification's recipient reads. */
export const ERASED_RECIPIENT = '[erased]';

/**
 * Writes notifications into the outbox inside the caller's transaction, so a message exists if and only if
 * the change it reports was committed. EMAIL always; SMS as well when a phone number is known.
 */
@Injectable()
export class NotificationOutbox {
  constructor(private readonly tx: TransactionHost) {}

  async enqueue(n: NewNotification): Promise<void> {
    const rows: [NotificationChannel, string][] = [[NotificationChannel.EMAIL, n.to.email]];
    if (n.to.phone) rows.push([NotificationChannel.SMS, n.to.phone]);
    for (const [channel, recipient] of rows) {
      await this.tx.manager.query(
        `INSERT INTO notification (order_id, fulfillment_id, template, channel, recipient, payload, not_before)
         VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, now()))`,
        [n.orderId, n.fulfillmentId ?? null, n.template, channel, recipient, JSON.stringify(n.payload), n.notBefore ?? null],
      );
    }
  }

  /** Withdraws messages not yet sent (a reminder for a pickup that was collected, say). */
  async cancelPending(fulfillmentId: string, template: NotificationTemplate): Promise<void> {
    await this.tx.manager.query(
      `UPDATE notification SET status = 'CANCELLED' WHERE fulfillment_id = $1 AND template = $2 AND status = 'PENDING'`,
      [fulfillmentId, template],
    );
  }

  /**
   * The right to erasure (customerErase, through the orders lib, in its transaction): the notifications of
   * these orders lose their recipient (email address or phone number), their contents and any delivery
   * error (which may quote the address); those not sent yet are cancelled. That a message was sent, and when, stays.
   */
  async eraseForOrders(orderIds: string[]): Promise<void> {
    if (!orderIds.length) return;
    await this.tx.manager.query(
      `UPDATE notification
          SET recipient = $2, payload = '{}', last_error = NULL,
              status = CASE WHEN status = 'PENDING' THEN 'CANCELLED' ELSE status END
        WHERE order_id = ANY($1::uuid[])`,
      [orderIds, ERASED_RECIPIENT],
    );
  }

  /** Every notification of an order, oldest first, batched across the orders of a response. */
  forOrder(ctx: HasLoaders, orderId: string): Promise<NotificationEntity[]> {
    return loader<string, NotificationEntity[]>(ctx, 'notificationsByOrder', async (ids) =>
      groupByKeys(
        ids,
        await this.tx.manager
          .getRepository(NotificationEntity)
          .createQueryBuilder('n')
          .where('n.orderId IN (:...ids)', { ids: [...ids] })
          .andWhere(`n.status <> 'CANCELLED'`)
          .orderBy('n.id', 'ASC')
          .getMany(),
        (n) => n.orderId,
      ),
    ).load(orderId) as Promise<NotificationEntity[]>;
  }
}
