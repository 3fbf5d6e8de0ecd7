import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SalesChannel } from '@app/auth';
import { Money } from '@app/common';
import { Location } from '@app/locations';

@ObjectType({ description: 'Orders placed on one channel in the window. Revenue, units and the average leave cancelled orders out.' })
export class ChannelReportRow {
  @Field(() => SalesChannel) channel: SalesChannel;
  @Field(() => Int, { description: 'Orders placed, cancelled ones included.' }) orders: number;
  @Field(() => Int) cancelledOrders: number;
  @Field(() => Money) revenue: Money;
  @Field(() => Money, { nullable: true }) averageOrderValue: Money | null;
  @Field(() => Int) units: number;
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

@ObjectType({ description: 'Sales staff placed (endless aisle and checkouts from the tablet), by the store they count for.' })
export class StoreSalesRow {
  @Field(() => Location) location: Location;
  @Field(() => Int) orders: number;
  @Field(() => Money) revenue: Money;
  locationId: string;
}

@ObjectType({ description: 'One calendar day in the report\'s time zone, one channel.' })
export class DailySalesRow {
  @Field(() => String, { description: 'YYYY-MM-DD in the time zone asked for.' }) day: string;
  @Field(() => SalesChannel) channel: SalesChannel;
  @Field(() => Int) orders: number;
  @Field(() => Money) revenue: Money;
}
