import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { StockDerived, UserError } from '@app/common';
import { MAX_ADJUST } from '../dto/stock-adjust.input.js';

/** Items one stockSet call may set: a page of the retailer's counts (bulk feeds carry more). */
export const MAX_SET_ITEMS = 1000;

@InputType()
export class StockSetItemInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  sku: string;

  // A mutation's input, never part of a cached answer: marked so the schema's stock check (ADR 0027) sees it was weighed.
  @StockDerived()
  @Field(() => Int, { description: 'On hand as the retailer counts it.' })
  @IsInt()
  @Min(0)
  @Max(MAX_ADJUST)
  onHand: number;

  @StockDerived()
  @Field(() => Int, { nullable: true, description: 'Applied only if on hand is still this (STOCK_CHANGED otherwise).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ADJUST)
  compareOnHand?: number;
}

@InputType()
export class StockSetInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200)
  reason: string;

  @Field(() => String, { description: 'The same key (per caller) applies once; a retry answers what the first call did.' })
  @IsString()
  @Length(1, 100)
  idempotencyKey: string;

  @Field(() => [StockSetItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SET_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => StockSetItemInput)
  items: StockSetItemInput[];
}

@ObjectType()
export class StockSetResult {
  @Field(() => String) sku: string;
  @Field(() => Int) onHand: number;
}

@ObjectType()
export class StockSetPayload {
  @Field(() => [StockSetResult], { nullable: true }) results: StockSetResult[] | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
