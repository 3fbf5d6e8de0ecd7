import { registerEnumType } from '@nestjs/graphql';

/** What an endpoint can subscribe to. Stable names: receivers switch on them (the body's `type`). */
export enum WebhookEventType {
  /** An order was placed (checkout, an assisted order). */
  ORDER_PLACED = 'ORDER_PLACED',
  /** An order's status changed (its fulfilments moved it). */
  ORDER_UPDATED = 'ORDER_UPDATED',
  /** A fulfilment's status changed: ready, shipped, received, collected, delivered, cancelled, expired, shorted. */
  FULFILLMENT_UPDATED = 'FULFILLMENT_UPDATED',
  /** Goods of an order came back (emitted by the returns code). */
  RETURN_RECEIVED = 'RETURN_RECEIVED',
  /** A stock transfer between locations changed (emitted by the inventory's transfers). */
  TRANSFER_UPDATED = 'TRANSFER_UPDATED',
}
registerEnumType(WebhookEventType, { name: 'WebhookEvent', description: 'An event an outgoing webhook endpoint can subscribe to.' });

export const WEBHOOK_EVENT_TYPES = Object.values(WebhookEventType);

/**
 * What an event's `data` says: the thing it is about by id, and the order's number where there is one.
 * Only ids and statuses: a receiver reads the rest through the API (no personal data in the outbox).
 */
export interface WebhookEventData {
  orderId?: string;
  orderNumber?: string;
  fulfillmentId?: string;
  returnId?: string;
  transferId?: string;
  status?: string;
  [more: string]: string | number | boolean | null | undefined;
}
