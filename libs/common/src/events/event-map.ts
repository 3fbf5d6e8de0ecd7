/**
 * Every event the service publishes: its name and its payload, in one place for publishers and
 * subscribers alike. An event is a notice that something committed, never the record of it: listeners
 * read PostgreSQL for the truth. Events heard per thing (an order, a stock level, a store's queue) are
 * published on a keyed channel (`eventChannel`).
 */
export interface EventMap {
  /** One stock level changed (the inventory ledger). Keyed by `<locationId>:<variantId>`: stockChanged subscriptions. */
  stock: {
    locationId: string;
    variantId: string;
    onHand: number;
    reserved: number;
    unsellable: number;
    safetyStock: number;
    incoming: number;
    available: number;
  };
  /** Some stock of a variant changed, at any location: what caches of availability drop. */
  'stock-variant': { variantId: string };
  /** A product was created or changed: listings and their counts drop. */
  'catalogue-changed': { productId: string };
  /** An order or one of its fulfilments changed. Keyed by the order id: orderUpdated subscriptions. */
  order: { orderId: string };
  /** A pickup entered, moved in or left a store's queue. Keyed by the store: pickupQueueChanged subscriptions. */
  'pickup-queue': { locationId: string; fulfillmentId: string };
  /** A location's details changed (locationUpdate): whatever keeps a location's name, hours or pickup terms drops it. */
  'location-changed': { locationId: string };
  /** An account's sessions changed (signed out, password, deactivated, role or store): its kept state drops. */
  'session.changed': { kind: 'staff' | 'customer'; id: string };
  /** A webhook endpoint was created, changed, disabled or deleted: the cached list of subscribed event types drops. */
  'webhook-endpoints': { endpointId: string };
}

export type EventName = keyof EventMap;

/** The pub/sub channel of an event: its name, and the key of the thing for events heard per thing. */
export const eventChannel = (name: EventName, key?: string): string => (key === undefined ? name : `${name}:${key}`);
