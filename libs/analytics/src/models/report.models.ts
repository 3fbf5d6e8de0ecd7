import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SalesChannel } from '@app/auth';
import { Money, MoneyTotal } from '@app/common';
import { Location } from '@app/locations';

/** The description of a Money field kept beside its exact `total`. */
const asInt = (total: string) =>
  `As ${total} while it fits an Int; past 2^31 - 1 minor units this field fails with AMOUNT_TOO_LARGE (read ${total}).`;
const REVENUE = asInt('revenueTotal');
const REVENUE_TOTAL = "Exact, in this row's currency.";
const CAPTURED_TOTAL =
  "Money taken in the window (card captures and payments at the counter) on this channel's orders, whenever they were placed. " +
  "Exact, in this row's currency.";
const REFUNDED_TOTAL = "Money refunded in the window on this channel's orders, whenever they were placed. Exact, in this row's currency.";

@ObjectType({
  description:
    'Orders placed on one channel in one currency in the window (a channel without orders: one row, in the default currency). ' +
    'Revenue, units and the average leave cancelled orders out. Captured and refunded are the money that moved in the window ' +
    "on the channel's orders, whenever they were placed (cancelled ones too), so a row can have money and no orders.",
})
export class ChannelReportRow {
  @Field(() => SalesChannel) channel: SalesChannel;
  @Field(() => Int, { description: 'Orders placed, cancelled ones included.' }) orders: number;
  @Field(() => Int) cancelledOrders: number;
  @Field(() => MoneyTotal, { description: REVENUE_TOTAL }) revenueTotal: MoneyTotal;
  @Field(() => Money, { description: REVENUE }) get revenue(): Money {
    return this.revenueTotal.toMoney('revenueTotal');
  }
  @Field(() => Money, { nullable: true }) averageOrderValue: Money | null;
  @Field(() => Int) units: number;
  @Field(() => MoneyTotal, { description: CAPTURED_TOTAL }) capturedTotal: MoneyTotal;
  @Field(() => Money, { description: asInt('capturedTotal') }) get captured(): Money {
    return this.capturedTotal.toMoney('capturedTotal');
  }
  @Field(() => MoneyTotal, { description: REFUNDED_TOTAL }) refundedTotal: MoneyTotal;
  @Field(() => Money, { description: asInt('refundedTotal') }) get refunded(): Money {
    return this.refundedTotal.toMoney('refundedTotal');
  }
  @Field(() => Int, { description: "Returns received in [from, to) of this channel's sales, whenever sold (wherever brought back)." })
  returns: number;
  @Field(() => Int, { description: 'Units those returns brought back.' }) returnedUnits: number;
}

@ObjectType({ description: 'Returns received in the window at one store, whatever channel sold the units.' })
export class ReturnsReportRow {
  @Field(() => Int) returns: number;
  @Field(() => Int) units: number;
  @Field(() => MoneyTotal) refundedTotal: MoneyTotal;
  locationId: string;
}

@ObjectType({ description: 'Pickups (PICKUP and SHIP_TO_STORE) of orders placed in the window.' })
export class ClickAndCollectReport {
  @Field(() => Int) pickupOrders: number;
  @Field(() => Int) pickupFulfillments: number;
  @Field(() => Int) collected: number;
  @Field(() => Int) expired: number;
  @Field(() => Float, { nullable: true, description: 'collected / pickupFulfillments' }) collectedShare: number | null;
  @Field(() => Float, { nullable: true, description: 'No-shows: expired / (collected + expired)' }) expiredRate: number | null;
  @Field(() => Float, { nullable: true }) medianOrderToReadySeconds: number | null;
  @Field(() => Float, { nullable: true }) medianReadyToCollectedSeconds: number | null;
}

@ObjectType({ description: 'Sales staff placed (endless aisle and checkouts from the tablet), by the store they count for and currency.' })
export class StoreSalesRow {
  @Field(() => Location) location: Location;
  @Field(() => Int) orders: number;
  @Field(() => MoneyTotal, { description: REVENUE_TOTAL }) revenueTotal: MoneyTotal;
  @Field(() => Money, { description: REVENUE }) get revenue(): Money {
    return this.revenueTotal.toMoney('revenueTotal');
  }
  locationId: string;
}

@ObjectType({ description: "One calendar day in the report's time zone, one channel, one currency." })
export class DailySalesRow {
  @Field(() => String, { description: 'YYYY-MM-DD in the time zone asked for.' }) day: string;
  @Field(() => SalesChannel) channel: SalesChannel;
  @Field(() => Int) orders: number;
  @Field(() => MoneyTotal, { description: REVENUE_TOTAL }) revenueTotal: MoneyTotal;
  @Field(() => Money, { description: REVENUE }) get revenue(): Money {
    return this.revenueTotal.toMoney('revenueTotal');
  }
}
