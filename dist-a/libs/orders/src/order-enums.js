import { registerEnumType } from '@nestjs/graphql';
export var OrderStatus;
(function (OrderStatus) {
    OrderStatus["PLACED"] = "PLACED";
    OrderStatus["COMPLETED"] = "COMPLETED";
    OrderStatus["CANCELLED"] = "CANCELLED";
})(OrderStatus || (OrderStatus = {}));
registerEnumType(OrderStatus, { name: 'OrderStatus' });
export var FulfillmentStatus;
(function (FulfillmentStatus) {
    FulfillmentStatus["ALLOCATED"] = "ALLOCATED";
    FulfillmentStatus["READY_FOR_PICKUP"] = "READY_FOR_PICKUP";
    FulfillmentStatus["IN_TRANSIT"] = "IN_TRANSIT";
    FulfillmentStatus["COLLECTED"] = "COLLECTED";
    FulfillmentStatus["EXPIRED"] = "EXPIRED";
    FulfillmentStatus["SHIPPED"] = "SHIPPED";
    FulfillmentStatus["DELIVERED"] = "DELIVERED";
    FulfillmentStatus["CANCELLED"] = "CANCELLED";
})(FulfillmentStatus || (FulfillmentStatus = {}));
registerEnumType(FulfillmentStatus, { name: 'FulfillmentStatus' });
//# sourceMappingURL=order-enums.js.map