import { Injectable } from '@nestjs/common';
import { EventBus } from '@app/common';

export interface OrderChangedEvent {
  orderId: string;
}

export interface PickupQueueChangedEvent {
  locationId: string;
  fulfillmentId: string;
}

export const orderChannel = (orderId: string) => `order:${orderId}`;
export const pickupQueueChannel = (locationId: string) => `pickup-queue:${locationId}`;

/** Announces, after commit, that an order changed and which pickup queues it touched. */
@Injectable()
export class OrderEvents {
  constructor(private readonly events: EventBus) {}

  changed(orderId: string, fulfillments: { id: string; pickupLocationId: string | null }[]): void {
    this.events.publish(orderChannel(orderId), { orderId } satisfies OrderChangedEvent);
    for (const f of fulfillments) {
      if (f.pickupLocationId) this.events.publish(pickupQueueChannel(f.pickupLocationId), { locationId: f.pickupLocationId, fulfillmentId: f.id } satisfies PickupQueueChangedEvent);
    }
  }
}
