import { registerEnumType } from '@nestjs/graphql';
/**
 * How goods reach the customer. A cart line asks for DELIVERY or PICKUP at a store; at checkout a pickup
 * the store cannot serve from its own shelf becomes SHIP_TO_STORE (sent there from another location).
 */
export var FulfillmentType;
(function (FulfillmentType) {
    FulfillmentType["DELIVERY"] = "DELIVERY";
    FulfillmentType["PICKUP"] = "PICKUP";
    FulfillmentType["SHIP_TO_STORE"] = "SHIP_TO_STORE";
})(FulfillmentType || (FulfillmentType = {}));
registerEnumType(FulfillmentType, { name: 'FulfillmentType' });
export var CartStatus;
(function (CartStatus) {
    CartStatus["ACTIVE"] = "ACTIVE";
    CartStatus["MERGED"] = "MERGED";
    CartStatus["ORDERED"] = "ORDERED";
})(CartStatus || (CartStatus = {}));
registerEnumType(CartStatus, { name: 'CartStatus', description: 'ACTIVE carts change; MERGED went into a customer cart at sign-in; ORDERED became an order.' });
//# sourceMappingURL=fulfillment-type.js.map