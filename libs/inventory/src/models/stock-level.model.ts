import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { UserError } from '@app/common';
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
