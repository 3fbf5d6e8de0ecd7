var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { EventBus } from '../../../common/src/index.js';
export const orderChannel = (orderId) => `order:${orderId}`;
export const pickupQueueChannel = (locationId) => `pickup-queue:${locationId}`;
/** Announces, after commit, that an order changed and which pickup queues it touched. */
let OrderEvents = class OrderEvents {
    events;
    constructor(events) {
        this.events = events;
    }
    changed(orderId, fulfillments) {
        this.events.publish(orderChannel(orderId), { orderId });
        for (const f of fulfillments) {
            if (f.pickupLocationId)
                this.events.publish(pickupQueueChannel(f.pickupLocationId), { locationId: f.pickupLocationId, fulfillmentId: f.id });
        }
    }
};
OrderEvents = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [EventBus])
], OrderEvents);
export { OrderEvents };
//# sourceMappingURL=order-events.js.map