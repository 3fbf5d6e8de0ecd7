import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { StockDerived, UserError } from '@app/common';
import { Location } from '@app/locations';

@ObjectType({
  description:
    'Stock of one SKU at one location. available = onHand - reserved - unsellable - safetyStock, never below 0: what may be sold.',
})
export class StockLevel {
  @Field(() => String) sku: string;
  @Field(() => Int, { description: 'Units at the location, whatever their state.' }) onHand: number;
  @Field(() => Int, { description: 'Held for orders and requested transfers.' }) reserved: number;
  @Field(() => Int, { description: 'On hand, damaged or waiting for inspection: not for sale.' }) unsellable: number;
  @Field(() => Int, { description: 'Kept on the shelf for walk-in shoppers, never promised to an order.' }) safetyStock: number;
  @Field(() => Int, { description: 'Sent to the location and not arrived yet (transfers, ship-to-store orders).' }) incoming: number;
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

/** The states of a level, as the ledger and the reads give them. */
export interface LevelStates {
  onHand: number;
  reserved: number;
  unsellable: number;
  safetyStock: number;
  incoming: number;
}

export function toStockLevel(v: LevelStates & { sku: string; locationId: string }): StockLevel {
  return Object.assign(new StockLevel(), {
    sku: v.sku,
    onHand: v.onHand,
    reserved: v.reserved,
    unsellable: v.unsellable,
    safetyStock: v.safetyStock,
    incoming: v.incoming,
    available: Math.max(v.onHand - v.reserved - v.unsellable - v.safetyStock, 0),
    locationId: v.locationId,
  });
}
