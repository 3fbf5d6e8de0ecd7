import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { UserError } from '@app/common';
import { MAX_ADJUST } from '../dto/stock-adjust.input.js';

export enum StockCountStatus {
  OPEN = 'OPEN',
  APPLIED = 'APPLIED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(StockCountStatus, { name: 'StockCountStatus' });

/** SKUs named per call (start or record): a page of a shelf; a whole location is started with none. */
export const MAX_COUNT_PAGE = 500;

@InputType()
export class StockCountStartInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId: string;

  @Field(() => [String], { description: 'The SKUs to count; empty: every SKU the location has a level of.' })
  @ArrayMaxSize(MAX_COUNT_PAGE)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  skus: string[];
}

@InputType()
export class StockCountLineInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  sku: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_ADJUST)
  counted: number;
}

@ObjectType()
export class StockCountLine {
  @Field(() => String) sku: string;
  @Field(() => Int, { description: 'On hand when the count began.' }) expected: number;
  @Field(() => Int, { nullable: true, description: 'Units counted; null until recorded (an uncounted line is not applied).' }) counted:
    number | null;
  @Field(() => Int, { nullable: true, description: 'counted - expected: what applying moves on hand by.' }) variance: number | null;
  @Field(() => Int, {
    description: 'Units held for orders the count did not find: handed to the shortage flow when applied (0 until then).',
  })
  heldShort: number;
}

@ObjectType({ description: 'A count of some or all SKUs of a location, taken while the store keeps selling.' })
export class StockCount {
  @Field(() => ID) id: string;
  @Field(() => StockCountStatus) status: StockCountStatus;
  @Field(() => Int, { description: 'SKUs the count covers.' }) lineCount: number;
  @Field(() => Int, { description: 'SKUs counted so far.' }) countedCount: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt: Date | null;
  locationId: string;
}

@ObjectType()
export class StockCountPayload {
  @Field(() => StockCount, { nullable: true }) stockCount: StockCount | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
