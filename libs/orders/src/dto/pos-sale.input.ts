import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { MoneyInput } from '@app/common';

/** Lines a till ticket may hold. */
export const MAX_TICKET_LINES = 100;

@InputType()
export class PosSaleLineInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  sku: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity: number;

  @Field(() => MoneyInput, { description: 'What the till charged for one unit (its own price, markdowns included).' })
  @ValidateNested()
  @Type(() => MoneyInput)
  unitPrice: MoneyInput;
}

@InputType({ description: 'A ticket from a till: a sale already made in the store.' })
export class PosSaleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId: string;

  @Field(() => String, { description: 'The till ticket number: the same ticket at the same store is recorded once.' })
  @IsString()
  @Length(1, 64)
  ticketNumber: string;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  soldAt: Date;

  @Field(() => ID, { nullable: true, description: 'The customer, when the till knew them (loyalty card, receipt by email).' })
  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId?: string;

  @Field(() => [PosSaleLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TICKET_LINES)
  @ValidateNested({ each: true })
  @Type(() => PosSaleLineInput)
  lines: PosSaleLineInput[];
}
