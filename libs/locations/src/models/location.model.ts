import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GeoPoint } from '@app/common';

export enum LocationTypeEnum {
  STORE = 'STORE',
  WAREHOUSE = 'WAREHOUSE',
}
registerEnumType(LocationTypeEnum, { name: 'LocationType' });

@ObjectType()
export class Address {
  @Field(() => String) line1: string;
  @Field(() => String) city: string;
  @Field(() => String) postalCode: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2' }) country: string;
}

@ObjectType({ description: "Opening hours for one day of the week, in the location's time zone." })
export class OpeningHours {
  @Field(() => String, { description: 'MON … SUN' }) day: string;
  @Field(() => String, { description: 'HH:MM' }) opens: string;
  @Field(() => String, { description: 'HH:MM' }) closes: string;
}

@ObjectType({ description: 'A store customers walk into, or a warehouse.' })
export class Location {
  @Field(() => ID) id: string;
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => LocationTypeEnum) type: LocationTypeEnum;
  @Field(() => GeoPoint) geo: GeoPoint;
  @Field(() => Address, { nullable: true }) address: Address | null;
  @Field(() => Boolean) pickupEnabled: boolean;
  @Field(() => String, { nullable: true, description: 'How long a ready pickup is held, as an ISO-8601 duration (e.g. PT48H).' })
  pickupHold: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'How long a pickup from its own shelf takes to prepare, as an ISO-8601 duration (e.g. PT2H).',
  })
  preparationTime: string | null;
  @Field(() => Boolean, { description: 'May send delivery orders (sourcing).' }) shipsOrders: boolean;
  @Field(() => Int, { nullable: true, description: 'Delivery fulfilments it may take on per day of its time zone; null: no limit.' })
  fulfilmentCapacityPerDay: number | null;
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Paris' }) timeZone: string;
  @Field(() => [OpeningHours]) openingHours: OpeningHours[];
}
