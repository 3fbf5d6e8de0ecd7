import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsInt, Min, Max, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { GeoPointInput } from '@app/common';
import { AddressInput, OpeningHoursInput } from './location-create.input.js';

/** Admins: what a location may change. An omitted (or null) field is left as it is; `address: null` removes the address. */
@InputType()
export class LocationUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string | null;

  @Field(() => AddressInput, { nullable: true, description: 'Replaces the address; null removes it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput | null;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  geo?: GeoPointInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Customers may collect orders here (stores only).' })
  @IsOptional()
  @IsBoolean()
  pickupEnabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'ISO-8601 duration a ready pickup is held (INVALID_DURATION otherwise).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  pickupHold?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO-8601 duration a pickup from its own shelf takes to prepare (INVALID_DURATION otherwise).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  preparationTime?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'May send delivery orders (sourcing). Default: true for warehouses, false for stores.',
  })
  @IsOptional()
  @IsBoolean()
  shipsOrders?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Delivery fulfilments it may take on per day of its time zone (0 or more); null removes the limit.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  fulfilmentCapacityPerDay?: number | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone (INVALID_TIME_ZONE otherwise).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => [OpeningHoursInput], { nullable: true, description: 'Replaces every slot; [] clears them.' })
  @IsOptional()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursInput)
  openingHours?: OpeningHoursInput[] | null;
}
