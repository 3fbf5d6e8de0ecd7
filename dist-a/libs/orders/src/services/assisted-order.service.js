var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { requireActsAt, SalesChannel } from '../../../auth/src/index.js';
import { CartStatus, FulfillmentType } from '../../../cart/src/index.js';
import { CatalogueService } from '../../../catalogue/src/index.js';
import { badInput, BusinessError, ErrorCode, notFound } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
import { CustomersService } from '../../../customers/src/index.js';
import { LocationsService } from '../../../locations/src/index.js';
import { CheckoutService } from './checkout.service.js';
/**
 * The endless aisle: staff order for a customer in front of them, from stock anywhere, delivered home or
 * to a store. It is a checkout of a cart that exists only in memory, on the STORE channel, counted for the
 * staff member's store, with the same holds, idempotency and refusals as any checkout.
 */
let AssistedOrderService = class AssistedOrderService {
    checkout;
    catalogue;
    customers;
    locations;
    config;
    constructor(checkout, catalogue, customers, locations, config) {
        this.checkout = checkout;
        this.catalogue = catalogue;
        this.customers = customers;
        this.locations = locations;
        this.config = config;
    }
    async create(ctx, input) {
        const staff = requireActsAt(ctx.caller, input.locationId);
        const store = await this.locations.find(input.locationId);
        if (!store)
            throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
        if (input.customerId && !(await this.customers.find(input.customerId))) {
            throw new BusinessError(ErrorCode.UNKNOWN_CUSTOMER, 'No such customer', ['customerId']);
        }
        const { type, pickupAt } = await this.delivery(input);
        const max = this.config.get('CART_MAX_LINE_QUANTITY');
        const quantities = new Map();
        for (const [i, l] of input.lines.entries()) {
            const q = (quantities.get(l.variantId) ?? 0) + l.quantity;
            if (q > max)
                throw new BusinessError(ErrorCode.INVALID_QUANTITY, `A line holds 1 to ${max} units`, ['lines', String(i), 'quantity']);
            quantities.set(l.variantId, q);
        }
        const found = new Set((await this.catalogue.findVariants([...quantities.keys()])).map((v) => v.id));
        const missing = [...quantities.keys()].find((id) => !found.has(id));
        if (missing)
            throw notFound(`Variant ${missing}`);
        const now = new Date();
        const cart = { id: randomUUID(), customerId: input.customerId ?? null, status: CartStatus.ACTIVE, createdVia: SalesChannel.STORE, mergedInto: null, createdAt: now, updatedAt: now };
        const lines = [...quantities].map(([variantId, quantity], i) => ({
            id: randomUUID(), seq: String(i), cartId: cart.id, variantId, quantity, fulfillmentType: type, locationId: pickupAt,
            addedVia: SalesChannel.STORE, addedByStaffId: staff.staffId, createdAt: now, updatedAt: now,
        }));
        const view = { cart, lines, codes: [] };
        const inStore = { ...ctx, channel: SalesChannel.STORE };
        const contact = await this.checkout.contactFor(cart.customerId, input.contact);
        return this.checkout.withRetries(ctx, { idempotencyKey: input.idempotencyKey, cartId: null }, (last) => this.checkout.placeOrder(inStore, view, {
            idempotencyKey: input.idempotencyKey, cartId: null, contact, address: input.delivery.address ?? null,
            attributedLocationId: store.id, placedByStaffId: staff.staffId,
        }, last));
    }
    async delivery(input) {
        const d = input.delivery;
        if (d.type === FulfillmentType.DELIVERY) {
            if (d.locationId)
                throw badInput('A DELIVERY has an address, not a locationId', ['delivery', 'locationId']);
            if (!d.address)
                throw new BusinessError(ErrorCode.ADDRESS_REQUIRED, 'A delivery needs an address', ['delivery', 'address']);
            return { type: FulfillmentType.DELIVERY, pickupAt: null };
        }
        if (!d.locationId)
            throw new BusinessError(ErrorCode.LOCATION_REQUIRED, 'A pickup needs its store (locationId)', ['delivery', 'locationId']);
        const store = await this.locations.find(d.locationId);
        if (!store)
            throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['delivery', 'locationId']);
        if (store.type !== 'STORE' || !store.pickupEnabled)
            throw new BusinessError(ErrorCode.PICKUP_NOT_AVAILABLE, `${store.name} does not offer pickup`, ['delivery', 'locationId']);
        return { type: FulfillmentType.PICKUP, pickupAt: store.id };
    }
};
AssistedOrderService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [CheckoutService,
        CatalogueService,
        CustomersService,
        LocationsService,
        AppConfig])
], AssistedOrderService);
export { AssistedOrderService };
//# sourceMappingURL=assisted-order.service.js.map