import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_ADJUST } from './stock-adjust.input.js';

@InputType({ description: 'Units of one SKU at one location to move between states (or the safety stock to keep).' })
export class StockQuantityInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId: string;

  @Field(() => String)
  @IsString()
  @Length(1, 64)
  sku: string;

  @Field(() => Int, { description: 'Units (at least 1; for stockSafetySet, the safety stock itself, 0 or more).' })
  @IsInt()
  @Min(0)
  @Max(MAX_ADJUST)
  quantity: number;

  @Field(() => String, { nullable: true, description: 'Why, for the ledger: TORN, STAINED, INSPECTION, …' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}

@InputType({ description: "A location's default safety stock for the products of one category (a level's own setting wins)." })
export class SafetyStockDefaultInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId: string;

  @Field(() => String)
  @IsString()
  @Length(1, 100)
  category: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_ADJUST)
  quantity: number;
}
