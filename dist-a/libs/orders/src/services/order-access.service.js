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
import { canActAt, StaffRole } from '../../../auth/src/index.js';
import { forbidden, TransactionHost, unauthenticated } from '../../../common/src/index.js';
/**
 * Who may see or act on an order: its customer; staff of a location it involves (where it was sold, ships
 * from or is collected) and admins; and, for a guest order, whoever holds its unguessable id.
 */
let OrderAccess = class OrderAccess {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    /** The locations an order involves. */
    async locationsOf(orderId) {
        const rows = await this.tx.manager.query(`SELECT DISTINCT x.id FROM (
         SELECT source_location_id AS id FROM fulfillment WHERE order_id = $1
         UNION SELECT pickup_location_id FROM fulfillment WHERE order_id = $1
         UNION SELECT attributed_location_id FROM customer_order WHERE id = $1) x WHERE x.id IS NOT NULL`, [orderId]);
        return rows.map((r) => r.id);
    }
    assertMayRead(ctx, order, locations) {
        const c = ctx.caller;
        if (c.kind === 'staff') {
            if (c.role === StaffRole.ADMIN || locations.some((l) => canActAt(c, l)))
                return;
            throw forbidden('This order does not involve your location');
        }
        if (order.customerId === null)
            return;
        if (c.kind === 'guest')
            throw unauthenticated('Sign in to see this order');
        if (c.customerId !== order.customerId)
            throw forbidden('This order belongs to another customer');
    }
    /** Cancelling: the customer themselves, or staff of an involved location. A guest order is cancelled by staff. */
    assertMayCancel(ctx, order, locations) {
        if (ctx.caller.kind === 'guest')
            throw unauthenticated('Sign in to cancel an order');
        this.assertMayRead(ctx, order, locations);
        if (ctx.caller.kind === 'customer' && order.customerId === null)
            throw forbidden('Ask a store to cancel this order');
    }
    /** Pickup codes are for the customer who ordered, never staff. */
    mayShowPickupCode(ctx, order) {
        return ctx.caller.kind === 'customer' && ctx.caller.customerId === order.customerId;
    }
};
OrderAccess = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost])
], OrderAccess);
export { OrderAccess };
//# sourceMappingURL=order-access.service.js.map