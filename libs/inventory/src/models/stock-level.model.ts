import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { StockDerived, UserError } from '@app/common';
import { Location } from '@app/locations';

@ObjectType({ description: 'Stock of one SKU at one location. available = onHand - reserved.' })
export class StockLevel {
  @Field(() => String) sku: string;
  @Field(() => Int) onHand: number;
  @Field(() => Int) reserved: number;
  @Field(() => Int) available: number;
  locationId: string;
}

@ObjectType()
export class StockLevelPayload {
  @Field(() => StockLevel, { nullable: true }) stockLevel: StockLevel | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ description: 'A pickup store near a point and what it has of one SKU.' })
export class StoreAvailability {
  @Field(() => Location) location: Location;
  @Field(() => Float) distanceKm: number;
  @Field(() => Int) available: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      "When the size could be ready for pickup here if ordered now: from this store's shelf after its preparation time, or sent from " +
      'the nearest location that has it (the lead time of sourcingOptions) and prepared, at a time the store is open. Null when no location has it.',
  })
  @StockDerived()
  readyBy: Date | null;
}

export function toStockLevel(v: { sku: string; onHand: number; reserved: number; locationId: string }): StockLevel {
  return Object.assign(new StockLevel(), {
    sku: v.sku,
    onHand: v.onHand,
    reserved: v.reserved,
    available: v.onHand - v.reserved,
    locationId: v.locationId,
  });
}
