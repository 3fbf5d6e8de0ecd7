import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  Min,
  Max,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GeoPointInput } from '@app/common';
import { LocationTypeEnum } from '../models/location.model.js';

@InputType()
export class AddressInput {
  @Field(() => String) @IsString() @Length(1, 200) line1: string;
  @Field(() => String) @IsString() @Length(1, 100) city: string;
  @Field(() => String) @IsString() @Length(1, 20) postalCode: string;
  @Field(() => String) @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as FR' }) country: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

@InputType()
export class OpeningHoursInput {
  @Field(() => String) @IsIn(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']) day: string;
  @Field(() => String) @Matches(HHMM, { message: 'opens must be HH:MM' }) opens: string;
  @Field(() => String) @Matches(HHMM, { message: 'closes must be HH:MM' }) closes: string;
}

@InputType()
export class LocationCreateInput {
  @Field(() => String)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { message: 'code: 1 to 32 letters, digits, - or _' })
  code: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => LocationTypeEnum)
  @IsIn(Object.values(LocationTypeEnum))
  type: LocationTypeEnum;

  @Field(() => GeoPointInput)
  @ValidateNested()
  @Type(() => GeoPointInput)
  geo: GeoPointInput;

  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput;

  @Field(() => Boolean, { nullable: true, description: 'Customers may collect orders here (stores only). Default: true for stores.' })
  @IsOptional()
  @IsBoolean()
  pickupEnabled?: boolean;

  @Field(() => String, { nullable: true, description: 'ISO-8601 duration a ready pickup is held. Default PT48H.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  pickupHold?: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO-8601 duration a pickup from its own shelf takes to prepare (INVALID_DURATION otherwise). Default PT2H.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  preparationTime?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'May send delivery orders (sourcing). Default: true for warehouses, false for stores.',
  })
  @IsOptional()
  @IsBoolean()
  shipsOrders?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Delivery fulfilments it may take on per day of its time zone (0 or more); omitted: no limit.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  fulfilmentCapacityPerDay?: number;

  @Field(() => String, { nullable: true, description: 'IANA time zone. Default Europe/Paris.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @Field(() => [OpeningHoursInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursInput)
  openingHours?: OpeningHoursInput[];
}
