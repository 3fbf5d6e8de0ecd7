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
import { In } from 'typeorm';
import { requireActsAt } from '../../../auth/src/index.js';
import { byKeys, groupByKeys, isUuid, loader, TransactionHost } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
import { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import { OrderLineEntity } from '../entities/order-line.entity.js';
import { OrderEntity } from '../entities/order.entity.js';
import { OrderAccess } from './order-access.service.js';
import { PickupCodes } from './pickup-code.js';
const QUEUE_LIMIT = 200;
/** Reading orders: one by id (with access), a customer's, a store's pickup queue; batched loaders for fields. */
let OrderQueries = class OrderQueries {
    tx;
    access;
    codes;
    config;
    constructor(tx, access, codes, config) {
        this.tx = tx;
        this.access = access;
        this.codes = codes;
        this.config = config;
    }
    get orders() {
        return this.tx.manager.getRepository(OrderEntity);
    }
    async get(ctx, id) {
        const order = isUuid(id) ? await this.orders.findOneBy({ id }) : null;
        if (order)
            this.access.assertMayRead(ctx, order, await this.access.locationsOf(order.id));
        return order;
    }
    /** A customer's orders from every channel, newest first. */
    forCustomer(customerId, limit = 50) {
        return this.orders.find({ where: { customerId }, order: { createdAt: 'DESC' }, take: limit });
    }
    /** A customer's figures over orders not cancelled, in SQL over the (customer_id, created_at) index. */
    async statsOf(customerId) {
        const [row] = await this.tx.manager.query(`SELECT count(*)::int AS orders, COALESCE(SUM(total), 0)::bigint AS "totalSpent", COALESCE(MAX(currency), $2) AS currency,
              MAX(created_at) AS "lastPurchaseAt",
              (SELECT channel FROM customer_order WHERE customer_id = $1 AND status <> 'CANCELLED'
               GROUP BY channel ORDER BY count(*) DESC, MAX(created_at) DESC LIMIT 1) AS "preferredChannel"
       FROM customer_order WHERE customer_id = $1 AND status <> 'CANCELLED'`, [customerId, this.config.get('DEFAULT_CURRENCY')]);
        return { ...row, totalSpent: Number(row.totalSpent) };
    }
    /** The pickups a store has to act on: to prepare, arriving, and waiting for their customer. */
    pickupQueue(ctx, locationId) {
        requireActsAt(ctx.caller, locationId);
        return this.tx.manager.getRepository(FulfillmentEntity).createQueryBuilder('f')
            .where('f.pickupLocationId = :locationId', { locationId })
            .andWhere(`f.status IN ('ALLOCATED', 'IN_TRANSIT', 'READY_FOR_PICKUP')`)
            .orderBy('f.createdAt', 'ASC').limit(QUEUE_LIMIT).getMany();
    }
    loadOrder(ctx, id) {
        return loader(ctx, 'order', async (ids) => byKeys(ids, await this.orders.findBy({ id: In([...ids]) }), (o) => o.id)).load(id);
    }
    fulfillmentsOf(ctx, orderId) {
        return loader(ctx, 'fulfillmentsByOrder', async (ids) => groupByKeys(ids, await this.tx.manager.getRepository(FulfillmentEntity).find({ where: { orderId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }), (f) => f.orderId)).load(orderId);
    }
    linesOfOrder(ctx, orderId) {
        return loader(ctx, 'linesByOrder', async (ids) => groupByKeys(ids, await this.tx.manager.getRepository(OrderLineEntity).find({ where: { orderId: In([...ids]) }, order: { position: 'ASC' } }), (l) => l.orderId)).load(orderId);
    }
    linesOfFulfillment(ctx, fulfillmentId) {
        return loader(ctx, 'linesByFulfillment', async (ids) => groupByKeys(ids, await this.tx.manager.getRepository(OrderLineEntity).find({ where: { fulfillmentId: In([...ids]) }, order: { position: 'ASC' } }), (l) => l.fulfillmentId)).load(fulfillmentId);
    }
    /** The plain pickup code, for the customer who placed the order only. */
    async pickupCodeFor(ctx, f) {
        const order = await this.loadOrder(ctx, f.orderId);
        if (!order || !this.access.mayShowPickupCode(ctx, order))
            return null;
        const [row] = await this.tx.manager.query(`SELECT pickup_code_sealed AS sealed FROM fulfillment WHERE id = $1`, [f.id]);
        return this.codes.open(row?.sealed ?? null);
    }
};
OrderQueries = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        OrderAccess,
        PickupCodes,
        AppConfig])
], OrderQueries);
export { OrderQueries };
//# sourceMappingURL=order-queries.service.js.map