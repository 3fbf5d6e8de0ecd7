var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { SalesChannel } from '../../../auth/src/index.js';
import { Money, UserError } from '../../../common/src/index.js';
import { Location } from '../../../locations/src/index.js';
import { CartStatus, FulfillmentType } from '../fulfillment-type.js';
let CartFulfillment = class CartFulfillment {
    type;
    location;
    locationId;
};
__decorate([
    Field(() => FulfillmentType),
    __metadata("design:type", String)
], CartFulfillment.prototype, "type", void 0);
__decorate([
    Field(() => Location, { nullable: true, description: 'The pickup store.' }),
    __metadata("design:type", Object)
], CartFulfillment.prototype, "location", void 0);
CartFulfillment = __decorate([
    ObjectType()
], CartFulfillment);
export { CartFulfillment };
let CartLine = class CartLine {
    id;
    quantity;
    addedVia;
    fulfillment;
    variantId;
    cartId;
    addedByStaffId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], CartLine.prototype, "id", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], CartLine.prototype, "quantity", void 0);
__decorate([
    Field(() => SalesChannel, { description: 'The client the line was added from.' }),
    __metadata("design:type", String)
], CartLine.prototype, "addedVia", void 0);
__decorate([
    Field(() => CartFulfillment),
    __metadata("design:type", CartFulfillment)
], CartLine.prototype, "fulfillment", void 0);
CartLine = __decorate([
    ObjectType()
], CartLine);
export { CartLine };
let CartLineCost = class CartLineCost {
    unitPrice;
    subtotal;
};
__decorate([
    Field(() => Money, { description: 'The catalogue price now.' }),
    __metadata("design:type", Money)
], CartLineCost.prototype, "unitPrice", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], CartLineCost.prototype, "subtotal", void 0);
CartLineCost = __decorate([
    ObjectType()
], CartLineCost);
export { CartLineCost };
let CartCost = class CartCost {
    subtotal;
    discount;
    total;
};
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], CartCost.prototype, "subtotal", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], CartCost.prototype, "discount", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], CartCost.prototype, "total", void 0);
CartCost = __decorate([
    ObjectType({ description: 'Prices are read from the catalogue each time, so a price change shows at once. total = subtotal - discount.' })
], CartCost);
export { CartCost };
let CartDiscount = class CartDiscount {
    code;
    amount;
    applicable;
    reasonCode;
    reason;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], CartDiscount.prototype, "code", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], CartDiscount.prototype, "amount", void 0);
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], CartDiscount.prototype, "applicable", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Why it does not apply: the refusal code.' }),
    __metadata("design:type", Object)
], CartDiscount.prototype, "reasonCode", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CartDiscount.prototype, "reason", void 0);
CartDiscount = __decorate([
    ObjectType({ description: 'A discount code on the cart and what it takes now; a code that no longer applies takes nothing.' })
], CartDiscount);
export { CartDiscount };
let Cart = class Cart {
    id;
    status;
    lines;
    discountCodes;
    createdAt;
    updatedAt;
    customerId;
    view;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Cart.prototype, "id", void 0);
__decorate([
    Field(() => CartStatus),
    __metadata("design:type", String)
], Cart.prototype, "status", void 0);
__decorate([
    Field(() => [CartLine], { description: 'In the order they were first added.' }),
    __metadata("design:type", Array)
], Cart.prototype, "lines", void 0);
__decorate([
    Field(() => [String], { description: 'Applied codes, as created, in the order entered.' }),
    __metadata("design:type", Array)
], Cart.prototype, "discountCodes", void 0);
__decorate([
    Field(() => GraphQLISODateTime),
    __metadata("design:type", Date)
], Cart.prototype, "createdAt", void 0);
__decorate([
    Field(() => GraphQLISODateTime),
    __metadata("design:type", Date)
], Cart.prototype, "updatedAt", void 0);
Cart = __decorate([
    ObjectType({ description: 'One cart, whichever channel it is used from.' })
], Cart);
export { Cart };
let CartPayload = class CartPayload {
    cart;
    userErrors;
};
__decorate([
    Field(() => Cart, { nullable: true }),
    __metadata("design:type", Object)
], CartPayload.prototype, "cart", void 0);
__decorate([
    Field(() => [UserError]),
    __metadata("design:type", Array)
], CartPayload.prototype, "userErrors", void 0);
CartPayload = __decorate([
    ObjectType()
], CartPayload);
export { CartPayload };
//# sourceMappingURL=cart.model.js.map