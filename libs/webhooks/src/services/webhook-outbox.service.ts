import { Injectable } from '@nestjs/common';
import { Clock, TransactionHost } from '@app/common';
import type { WebhookEventData, WebhookEventType } from '../webhook-event-type.js';
import { WebhookSubscriptions } from './webhook-subscriptions.js';

/**
 * The outbox other libs write webhook events to, inside the transaction of the change they report: the
 * event exists if and only if the change committed, and the senders (WebhookDispatcher) deliver it later,
 * at least once, in order per subject (docs/adr/0032-webhook-outbox.md).
 *
 * ```ts
 * // in the transaction that changed the transfer, holding its row lock:
 * await this.webhooks.emit(WebhookEventType.TRANSFER_UPDATED, { transferId: t.id, status: t.status });
 * await this.webhooks.emit(WebhookEventType.RETURN_RECEIVED, { returnId: r.id, orderId: o.id, orderNumber: o.number });
 * ```
 */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly tx: TransactionHost,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues `type` with `data` for every active endpoint subscribed to it: one INSERT (the event and its
   * deliveries in one statement), none when no endpoint wants the type (a cached list). Events with the same
   * ordering key (`order:<orderId>` when data names an order, else `transfer:<id>`, `return:<id>`) reach an
   * endpoint in the order they were emitted; for that the caller must hold the subject's row lock (an order,
   * a transfer), as every change of it does, so two transactions cannot emit for it at once.
   */
  async emit(type: WebhookEventType, data: WebhookEventData): Promise<void> {
    if (!this.tx.inTransaction) throw new Error('WebhookOutbox.emit runs inside the transaction of the change it reports');
    if (!(await this.subscriptions.wanted(type))) return;
    await this.tx.manager.query(
      `WITH e AS (
         INSERT INTO webhook_event (type, ordering_key, data, created_at)
         SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM webhook_endpoint WHERE active AND $1::varchar = ANY (events))
         RETURNING id, ordering_key, created_at)
       INSERT INTO webhook_delivery (endpoint_id, event_id, ordering_key, next_attempt_at)
       SELECT ep.id, e.id, e.ordering_key, e.created_at FROM e JOIN webhook_endpoint ep ON ep.active AND $1::varchar = ANY (ep.events)`,
      [type, orderingKey(data), JSON.stringify(data), this.clock.date()],
    );
  }
}

/** The subject whose events must not overtake each other: the order when there is one. */
export function orderingKey(data: WebhookEventData): string {
  if (data.orderId) return `order:${data.orderId}`;
  if (data.transferId) return `transfer:${data.transferId}`;
  if (data.returnId) return `return:${data.returnId}`;
  throw new Error('a webhook event names an order, a transfer or a return');
}
