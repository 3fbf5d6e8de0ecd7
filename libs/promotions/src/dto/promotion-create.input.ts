import { Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsEnum, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { SalesChannel } from '@app/auth';
import { MoneyInput } from '@app/common';

export const DISCOUNT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/;

@InputType({ description: 'Exactly one of percentOff and amountOff.' })
export class PromotionCreateInput {
  @Field(() => String, { description: '2 to 64 letters, digits, - or _; matched without regard to case.' })
  @Matches(DISCOUNT_CODE_PATTERN, { message: 'code: 2 to 64 letters, digits, - or _' })
  code: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  percentOff?: number;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  amountOff?: MoneyInput;

  @Field(() => [SalesChannel], { nullable: true, description: 'Where the code works; every channel when omitted.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsEnum(SalesChannel, { each: true })
  channels?: SalesChannel[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive.' })
  @IsOptional()
  @IsDate()
  endsAt?: Date;

  @Field(() => MoneyInput, { nullable: true, description: 'Cart subtotal needed before discounts.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  minSubtotal?: MoneyInput;

  @Field(() => Int, { nullable: true, description: 'Orders that may use the code in all.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  usageLimit?: number;
}
