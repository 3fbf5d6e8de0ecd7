import { Injectable } from '@nestjs/common';
import { EventBus } from '@app/common';

/** Announces, after commit, that an order changed and which pickup queues it touched. */
@Injectable()
export class OrderEvents {
  constructor(private readonly events: EventBus) {}

  changed(orderId: string, fulfillments: { id: string; pickupLocationId: string | null }[]): void {
    this.events.publish('order', { orderId }, orderId);
    for (const f of fulfillments) {
      if (f.pickupLocationId)
        this.events.publish('pickup-queue', { locationId: f.pickupLocationId, fulfillmentId: f.id }, f.pickupLocationId);
    }
  }
}
