import { Injectable } from '@nestjs/common';
import { EventBus } from '@app/common';
import { WebhookEventType, WebhookOutbox } from '@app/webhooks';

/**
 * Announces an order's changes: after commit to live clients and pickup queues (events), and to the
 * retailer's webhook endpoints through the outbox, in the transaction of the change (so an event exists
 * if and only if the change committed; the callers hold the order's lock, which keeps its events in order).
 */
@Injectable()
export class OrderEvents {
  constructor(
    private readonly events: EventBus,
    private readonly webhooks: WebhookOutbox,
  ) {}

  changed(orderId: string, fulfillments: { id: string; pickupLocationId: string | null }[]): void {
    this.events.publish('order', { orderId }, orderId);
    for (const f of fulfillments) {
      if (f.pickupLocationId)
        this.events.publish('pickup-queue', { locationId: f.pickupLocationId, fulfillmentId: f.id }, f.pickupLocationId);
    }
  }

  /** ORDER_PLACED, in the placement's transaction. */
  placed(order: { id: string; number: string; status: string }): Promise<void> {
    return this.webhooks.emit(WebhookEventType.ORDER_PLACED, { orderId: order.id, orderNumber: order.number, status: order.status });
  }

  /** ORDER_UPDATED: the order's status became `status`. */
  statusChanged(order: { id: string; number: string }, status: string): Promise<void> {
    return this.webhooks.emit(WebhookEventType.ORDER_UPDATED, { orderId: order.id, orderNumber: order.number, status });
  }

  /** FULFILLMENT_UPDATED: a fulfilment's status became `status` (or, after a shortage, its lines changed). */
  fulfillmentChanged(order: { id: string; number: string }, fulfillmentId: string, status: string): Promise<void> {
    return this.webhooks.emit(WebhookEventType.FULFILLMENT_UPDATED, {
      orderId: order.id,
      orderNumber: order.number,
      fulfillmentId,
      status,
    });
  }
}
