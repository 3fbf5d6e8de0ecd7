var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SalesChannel } from '../../../auth/src/index.js';
import { Money } from '../../../common/src/index.js';
import { Location } from '../../../locations/src/index.js';
let ChannelReportRow = class ChannelReportRow {
    channel;
    orders;
    cancelledOrders;
    revenue;
    averageOrderValue;
    units;
};
__decorate([
    Field(() => SalesChannel),
    __metadata("design:type", String)
], ChannelReportRow.prototype, "channel", void 0);
__decorate([
    Field(() => Int, { description: 'Orders placed, cancelled ones included.' }),
    __metadata("design:type", Number)
], ChannelReportRow.prototype, "orders", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ChannelReportRow.prototype, "cancelledOrders", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], ChannelReportRow.prototype, "revenue", void 0);
__decorate([
    Field(() => Money, { nullable: true }),
    __metadata("design:type", Object)
], ChannelReportRow.prototype, "averageOrderValue", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ChannelReportRow.prototype, "units", void 0);
ChannelReportRow = __decorate([
    ObjectType({ description: 'Orders placed on one channel in the window. Revenue, units and the average leave cancelled orders out.' })
], ChannelReportRow);
export { ChannelReportRow };
let ClickAndCollectReport = class ClickAndCollectReport {
    pickupOrders;
    pickupFulfillments;
    collected;
    expired;
    collectedShare;
    expiredRate;
    medianOrderToReadySeconds;
    medianReadyToCollectedSeconds;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ClickAndCollectReport.prototype, "pickupOrders", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ClickAndCollectReport.prototype, "pickupFulfillments", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ClickAndCollectReport.prototype, "collected", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ClickAndCollectReport.prototype, "expired", void 0);
__decorate([
    Field(() => Float, { nullable: true, description: 'collected / pickupFulfillments' }),
    __metadata("design:type", Object)
], ClickAndCollectReport.prototype, "collectedShare", void 0);
__decorate([
    Field(() => Float, { nullable: true, description: 'No-shows: expired / (collected + expired)' }),
    __metadata("design:type", Object)
], ClickAndCollectReport.prototype, "expiredRate", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], ClickAndCollectReport.prototype, "medianOrderToReadySeconds", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], ClickAndCollectReport.prototype, "medianReadyToCollectedSeconds", void 0);
ClickAndCollectReport = __decorate([
    ObjectType({ description: 'Pickups (PICKUP and SHIP_TO_STORE) of orders placed in the window.' })
], ClickAndCollectReport);
export { ClickAndCollectReport };
let StoreSalesRow = class StoreSalesRow {
    location;
    orders;
    revenue;
    locationId;
};
__decorate([
    Field(() => Location),
    __metadata("design:type", Location)
], StoreSalesRow.prototype, "location", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], StoreSalesRow.prototype, "orders", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], StoreSalesRow.prototype, "revenue", void 0);
StoreSalesRow = __decorate([
    ObjectType({ description: 'Sales staff placed (endless aisle and checkouts from the tablet), by the store they count for.' })
], StoreSalesRow);
export { StoreSalesRow };
let DailySalesRow = class DailySalesRow {
    day;
    channel;
    orders;
    revenue;
};
__decorate([
    Field(() => String, { description: 'YYYY-MM-DD in the time zone asked for.' }),
    __metadata("design:type", String)
], DailySalesRow.prototype, "day", void 0);
__decorate([
    Field(() => SalesChannel),
    __metadata("design:type", String)
], DailySalesRow.prototype, "channel", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], DailySalesRow.prototype, "orders", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], DailySalesRow.prototype, "revenue", void 0);
DailySalesRow = __decorate([
    ObjectType({ description: 'One calendar day in the report\'s time zone, one channel.' })
], DailySalesRow);
export { DailySalesRow };
//# sourceMappingURL=report.models.js.map