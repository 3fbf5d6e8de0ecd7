var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var Order_1, Fulfillment_1;
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { SalesChannel } from '../../../auth/src/index.js';
import { FulfillmentType } from '../../../cart/src/index.js';
import { Money, UserError } from '../../../common/src/index.js';
import { FulfillmentStatus, OrderStatus } from '../order-enums.js';
let Order = Order_1 = class Order {
    id;
    number;
    status;
    channel;
    subtotal;
    discount;
    total;
    contactEmail;
    createdAt;
    entity;
    /** Plain codes to show (the checkout response, for whoever placed the order). */
    pickupCodes;
    static from(e, pickupCodes = null) {
        return Object.assign(new Order_1(), {
            id: e.id, number: e.number, status: e.status, channel: e.channel, contactEmail: e.contactEmail, createdAt: e.createdAt,
            subtotal: Money.of(e.subtotal, e.currency), discount: Money.of(e.discount, e.currency), total: Money.of(e.total, e.currency), entity: e, pickupCodes,
        });
    }
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Order.prototype, "id", void 0);
__decorate([
    Field(() => String, { description: 'Short and unique, for people (receipts, the phone, the counter).' }),
    __metadata("design:type", String)
], Order.prototype, "number", void 0);
__decorate([
    Field(() => OrderStatus),
    __metadata("design:type", String)
], Order.prototype, "status", void 0);
__decorate([
    Field(() => SalesChannel),
    __metadata("design:type", String)
], Order.prototype, "channel", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], Order.prototype, "subtotal", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], Order.prototype, "discount", void 0);
__decorate([
    Field(() => Money, { description: 'subtotal - discount, as the cart was priced at checkout.' }),
    __metadata("design:type", Money)
], Order.prototype, "total", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Order.prototype, "contactEmail", void 0);
__decorate([
    Field(() => GraphQLISODateTime),
    __metadata("design:type", Date)
], Order.prototype, "createdAt", void 0);
Order = Order_1 = __decorate([
    ObjectType()
], Order);
export { Order };
let OrderLine = class OrderLine {
    sku;
    quantity;
    unitPrice;
    variantId;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], OrderLine.prototype, "sku", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], OrderLine.prototype, "quantity", void 0);
__decorate([
    Field(() => Money, { description: 'The price paid for one.' }),
    __metadata("design:type", Money)
], OrderLine.prototype, "unitPrice", void 0);
OrderLine = __decorate([
    ObjectType()
], OrderLine);
export { OrderLine };
let Fulfillment = Fulfillment_1 = class Fulfillment {
    id;
    type;
    status;
    readyAt;
    expiresAt;
    createdAt;
    sourceLocationId;
    pickupLocationId;
    orderId;
    /** Set when the parent order carries the plain code (checkout response). */
    shownCode;
    static from(e, shownCode) {
        return Object.assign(new Fulfillment_1(), {
            id: e.id, type: e.type, status: e.status, readyAt: e.readyAt, expiresAt: e.expiresAt, createdAt: e.createdAt,
            sourceLocationId: e.sourceLocationId, pickupLocationId: e.pickupLocationId, orderId: e.orderId, shownCode,
        });
    }
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Fulfillment.prototype, "id", void 0);
__decorate([
    Field(() => FulfillmentType),
    __metadata("design:type", String)
], Fulfillment.prototype, "type", void 0);
__decorate([
    Field(() => FulfillmentStatus),
    __metadata("design:type", String)
], Fulfillment.prototype, "status", void 0);
__decorate([
    Field(() => GraphQLISODateTime, { nullable: true }),
    __metadata("design:type", Object)
], Fulfillment.prototype, "readyAt", void 0);
__decorate([
    Field(() => GraphQLISODateTime, { nullable: true, description: 'When a ready pickup stops being held.' }),
    __metadata("design:type", Object)
], Fulfillment.prototype, "expiresAt", void 0);
__decorate([
    Field(() => GraphQLISODateTime),
    __metadata("design:type", Date)
], Fulfillment.prototype, "createdAt", void 0);
Fulfillment = Fulfillment_1 = __decorate([
    ObjectType({ description: 'Lines that travel together from one source (to one pickup store).' })
], Fulfillment);
export { Fulfillment };
let OrderPayload = class OrderPayload {
    order;
    userErrors;
};
__decorate([
    Field(() => Order, { nullable: true }),
    __metadata("design:type", Object)
], OrderPayload.prototype, "order", void 0);
__decorate([
    Field(() => [UserError]),
    __metadata("design:type", Array)
], OrderPayload.prototype, "userErrors", void 0);
OrderPayload = __decorate([
    ObjectType()
], OrderPayload);
export { OrderPayload };
let FulfillmentPayload = class FulfillmentPayload {
    fulfillment;
    userErrors;
};
__decorate([
    Field(() => Fulfillment, { nullable: true }),
    __metadata("design:type", Object)
], FulfillmentPayload.prototype, "fulfillment", void 0);
__decorate([
    Field(() => [UserError]),
    __metadata("design:type", Array)
], FulfillmentPayload.prototype, "userErrors", void 0);
FulfillmentPayload = __decorate([
    ObjectType()
], FulfillmentPayload);
export { FulfillmentPayload };
//# sourceMappingURL=order.model.js.map