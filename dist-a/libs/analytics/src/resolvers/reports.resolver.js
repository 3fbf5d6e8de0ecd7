var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Args, GraphQLISODateTime, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, StaffOnly, StaffRole } from '../../../auth/src/index.js';
import { badInput, Money, notFound } from '../../../common/src/index.js';
import { Location, LocationsService, toLocation } from '../../../locations/src/index.js';
import { ChannelReportRow, ClickAndCollectReport, DailySalesRow, StoreSalesRow } from '../models/report.models.js';
import { SalesReportService } from '../services/sales-report.service.js';
const window = (from, to) => {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
        throw badInput('from and to must be date-times');
    return [from, to];
};
/** Managers see their store, admins everything. */
let ReportsResolver = class ReportsResolver {
    reports;
    locations;
    constructor(reports, locations) {
        this.reports = reports;
        this.locations = locations;
    }
    async channelReport(ctx, from, to) {
        return (await this.reports.byChannel(ctx.caller, ...window(from, to))).map((r) => ({
            channel: r.channel, orders: r.orders, cancelledOrders: r.cancelledOrders, units: r.units,
            revenue: Money.of(r.revenue, r.currency), averageOrderValue: r.averageOrderValue === null ? null : Money.of(r.averageOrderValue, r.currency),
        }));
    }
    clickAndCollectReport(ctx, from, to) {
        return this.reports.clickAndCollect(ctx.caller, ...window(from, to));
    }
    async endlessAisleReport(ctx, from, to) {
        return (await this.reports.endlessAisle(ctx.caller, ...window(from, to))).map((r) => Object.assign(new StoreSalesRow(), { locationId: r.locationId, orders: r.orders, revenue: Money.of(r.revenue, r.currency) }));
    }
    async dailySales(ctx, from, to, timeZone) {
        if (timeZone && timeZone.length > 64)
            throw badInput('timeZone is at most 64 characters', ['timeZone']);
        return (await this.reports.daily(ctx.caller, ...window(from, to), timeZone ?? undefined)).map((r) => ({
            day: r.day, channel: r.channel, orders: r.orders, revenue: Money.of(r.revenue, r.currency),
        }));
    }
    async location(row, ctx) {
        const l = await this.locations.load(ctx, row.locationId);
        if (!l)
            throw notFound('Location');
        return toLocation(l);
    }
};
__decorate([
    Query(() => [ChannelReportRow], { description: 'Per channel: orders, revenue, average order value and units in [from, to).' }),
    StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN),
    __param(0, Ctx()),
    __param(1, Args('from', { type: () => GraphQLISODateTime })),
    __param(2, Args('to', { type: () => GraphQLISODateTime })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Date, Date]),
    __metadata("design:returntype", Promise)
], ReportsResolver.prototype, "channelReport", null);
__decorate([
    Query(() => ClickAndCollectReport, { description: 'Click and collect in [from, to): pickups, share collected, no-shows, median times.' }),
    StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN),
    __param(0, Ctx()),
    __param(1, Args('from', { type: () => GraphQLISODateTime })),
    __param(2, Args('to', { type: () => GraphQLISODateTime })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Date, Date]),
    __metadata("design:returntype", Promise)
], ReportsResolver.prototype, "clickAndCollectReport", null);
__decorate([
    Query(() => [StoreSalesRow], { description: 'Sales placed by staff (the endless aisle), by the store they count for.' }),
    StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN),
    __param(0, Ctx()),
    __param(1, Args('from', { type: () => GraphQLISODateTime })),
    __param(2, Args('to', { type: () => GraphQLISODateTime })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Date, Date]),
    __metadata("design:returntype", Promise)
], ReportsResolver.prototype, "endlessAisleReport", null);
__decorate([
    Query(() => [DailySalesRow], { description: 'Orders and revenue per day and channel; days cut in `timeZone` (default: the manager\'s store, else UTC).' }),
    StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN),
    __param(0, Ctx()),
    __param(1, Args('from', { type: () => GraphQLISODateTime })),
    __param(2, Args('to', { type: () => GraphQLISODateTime })),
    __param(3, Args('timeZone', { type: () => String, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Date,
        Date, String]),
    __metadata("design:returntype", Promise)
], ReportsResolver.prototype, "dailySales", null);
__decorate([
    ResolveField(() => Location),
    __param(0, Parent()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [StoreSalesRow, Object]),
    __metadata("design:returntype", Promise)
], ReportsResolver.prototype, "location", null);
ReportsResolver = __decorate([
    Resolver(() => StoreSalesRow),
    __metadata("design:paramtypes", [SalesReportService,
        LocationsService])
], ReportsResolver);
export { ReportsResolver };
//# sourceMappingURL=reports.resolver.js.map