import { Args, GraphQLISODateTime, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly, StaffRole } from '@app/auth';
import { badInput, Money, MoneyTotal, notFound } from '@app/common';
import { Location, LocationsService, toLocation } from '@app/locations';
import { ChannelReportRow, ClickAndCollectReport, DailySalesRow, ReturnsReportRow, StoreSalesRow } from '../models/report.models.js';
import { SalesReportService } from '../services/sales-report.service.js';

const window = (from: Date, to: Date) => {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw badInput('from and to must be date-times');
  return [from, to] as const;
};

/** Managers see their store, admins everything. */
@Resolver(() => StoreSalesRow)
export class ReportsResolver {
  constructor(
    private readonly reports: SalesReportService,
    private readonly locations: LocationsService,
  ) {}

  @Query(() => [ChannelReportRow], {
    description:
      'Per channel and currency: orders, revenue, average order value and units of orders placed in [from, to); money captured and refunded in [from, to).',
  })
  @StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN)
  async channelReport(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('to', { type: () => GraphQLISODateTime }) to: Date,
  ): Promise<ChannelReportRow[]> {
    return (await this.reports.byChannel(ctx.caller, ...window(from, to))).map((r) =>
      Object.assign(new ChannelReportRow(), {
        channel: r.channel,
        orders: r.orders,
        cancelledOrders: r.cancelledOrders,
        units: r.units,
        revenueTotal: MoneyTotal.of(r.revenue, r.currency),
        averageOrderValue: r.averageOrderValue === null ? null : Money.of(r.averageOrderValue, r.currency),
        capturedTotal: MoneyTotal.of(r.captured, r.currency),
        refundedTotal: MoneyTotal.of(r.refunded, r.currency),
        returns: r.returns,
        returnedUnits: r.returnedUnits,
      }),
    );
  }

  @Query(() => [ReturnsReportRow], {
    description:
      'Returns received in [from, to) by the store that took them back (what the web sold and the stores took back), most first.',
  })
  @StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN)
  async returnsReport(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('to', { type: () => GraphQLISODateTime }) to: Date,
  ): Promise<ReturnsReportRow[]> {
    return (await this.reports.returnsByStore(ctx.caller, ...window(from, to))).map((r) =>
      Object.assign(new ReturnsReportRow(), {
        locationId: r.locationId,
        returns: r.returns,
        units: r.units,
        refundedTotal: MoneyTotal.of(r.refunded, r.currency),
      }),
    );
  }

  @Query(() => ClickAndCollectReport, { description: 'Click and collect in [from, to): pickups, share collected, no-shows, median times.' })
  @StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN)
  clickAndCollectReport(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('to', { type: () => GraphQLISODateTime }) to: Date,
  ): Promise<ClickAndCollectReport> {
    return this.reports.clickAndCollect(ctx.caller, ...window(from, to));
  }

  @Query(() => [StoreSalesRow], {
    description: 'Sales placed by staff (the endless aisle), by the store they count for and currency, largest revenue first.',
  })
  @StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN)
  async endlessAisleReport(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('to', { type: () => GraphQLISODateTime }) to: Date,
  ): Promise<StoreSalesRow[]> {
    return (await this.reports.endlessAisle(ctx.caller, ...window(from, to))).map((r) =>
      Object.assign(new StoreSalesRow(), {
        locationId: r.locationId,
        orders: r.orders,
        revenueTotal: MoneyTotal.of(r.revenue, r.currency),
      }),
    );
  }

  @Query(() => [DailySalesRow], {
    description: "Orders and revenue per day, channel and currency; days cut in `timeZone` (default: the manager's store, else UTC).",
  })
  @StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN)
  async dailySales(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('to', { type: () => GraphQLISODateTime }) to: Date,
    @Args('timeZone', { type: () => String, nullable: true }) timeZone?: string,
  ): Promise<DailySalesRow[]> {
    if (timeZone && timeZone.length > 64) throw badInput('timeZone is at most 64 characters', ['timeZone']);
    return (await this.reports.daily(ctx.caller, ...window(from, to), timeZone ?? undefined)).map((r) =>
      Object.assign(new DailySalesRow(), {
        day: r.day,
        channel: r.channel,
        orders: r.orders,
        revenueTotal: MoneyTotal.of(r.revenue, r.currency),
      }),
    );
  }

  @ResolveField(() => Location)
  async location(@Parent() row: StoreSalesRow, @Ctx() ctx: RequestContext): Promise<Location> {
    const l = await this.locations.load(ctx, row.locationId);
    if (!l) throw notFound('Location');
    return toLocation(l);
  }
}

@Resolver(() => ReturnsReportRow)
export class ReturnsReportRowResolver {
  constructor(private readonly locations: LocationsService) {}

  @ResolveField(() => Location)
  async location(@Parent() row: ReturnsReportRow, @Ctx() ctx: RequestContext): Promise<Location> {
    const l = await this.locations.load(ctx, row.locationId);
    if (!l) throw notFound('Location');
    return toLocation(l);
  }
}
