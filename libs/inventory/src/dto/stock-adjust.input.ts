import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export const MAX_ADJUST = 1_000_000;

@InputType()
export class StockAdjustInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId: string;

  @Field(() => String)
  @IsString()
  @Length(1, 64)
  sku: string;

  @Field(() => Int, { description: 'Units to add (receipt, found) or remove (damage, count correction); not zero.' })
  @IsInt()
  @Min(-MAX_ADJUST)
  @Max(MAX_ADJUST)
  delta: number;

  @Field(() => String, { nullable: true, description: 'Why, for the ledger: RECEIPT, DAMAGE, COUNT, …' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}
