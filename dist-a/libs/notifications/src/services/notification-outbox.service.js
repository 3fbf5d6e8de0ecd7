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
import { groupByKeys, loader, TransactionHost } from '../../../common/src/index.js';
import { NotificationChannel, NotificationEntity } from '../entities/notification.entity.js';
/**
 * Writes notifications into the outbox inside the caller's transaction, so a message exists if and only if
 * the change it reports was committed. EMAIL always; SMS as well when a phone number is known.
 */
let NotificationOutbox = class NotificationOutbox {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    async enqueue(n) {
        const rows = [[NotificationChannel.EMAIL, n.to.email]];
        if (n.to.phone)
            rows.push([NotificationChannel.SMS, n.to.phone]);
        for (const [channel, recipient] of rows) {
            await this.tx.manager.query(`INSERT INTO notification (order_id, fulfillment_id, template, channel, recipient, payload, not_before)
         VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, now()))`, [n.orderId, n.fulfillmentId ?? null, n.template, channel, recipient, JSON.stringify(n.payload), n.notBefore ?? null]);
        }
    }
    /** Withdraws messages not yet sent (a reminder for a pickup that was collected, say). */
    async cancelPending(fulfillmentId, template) {
        await this.tx.manager.query(`UPDATE notification SET status = 'CANCELLED' WHERE fulfillment_id = $1 AND template = $2 AND status = 'PENDING'`, [fulfillmentId, template]);
    }
    /** Every notification of an order, oldest first, batched across the orders of a response. */
    forOrder(ctx, orderId) {
        return loader(ctx, 'notificationsByOrder', async (ids) => groupByKeys(ids, await this.tx.manager.getRepository(NotificationEntity).createQueryBuilder('n')
            .where('n.orderId IN (:...ids)', { ids: [...ids] }).andWhere(`n.status <> 'CANCELLED'`).orderBy('n.id', 'ASC').getMany(), (n) => n.orderId)).load(orderId);
    }
};
NotificationOutbox = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost])
], NotificationOutbox);
export { NotificationOutbox };
//# sourceMappingURL=notification-outbox.service.js.map