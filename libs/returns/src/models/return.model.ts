import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Money, UserError } from '@app/common';

export enum ReturnReason {
  SIZE_TOO_SMALL = 'SIZE_TOO_SMALL',
  SIZE_TOO_LARGE = 'SIZE_TOO_LARGE',
  NOT_AS_DESCRIBED = 'NOT_AS_DESCRIBED',
  DAMAGED = 'DAMAGED',
  CHANGED_MIND = 'CHANGED_MIND',
  OTHER = 'OTHER',
}
export enum ReturnDisposition {
  RESTOCK = 'RESTOCK',
  DAMAGED = 'DAMAGED',
}
export enum ReturnStatus {
  REQUESTED = 'REQUESTED',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ReturnReason, { name: 'ReturnReason' });
registerEnumType(ReturnDisposition, {
  name: 'ReturnDisposition',
  description: 'RESTOCK: back on sale at the receiving store; DAMAGED: on hand there as unsellable.',
});
registerEnumType(ReturnStatus, { name: 'ReturnStatus' });

/** Lines a return may hold: more than any order has. */
export const MAX_RETURN_LINES = 100;
const MAX_UNITS = 1000;

/** Units of one variant: what every line of a return names first (the fields of its subclasses follow). */
@InputType({ isAbstract: true })
abstract class VariantUnitsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'variantId must be a variant id' })
  variantId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_UNITS)
  quantity: number;
}

@InputType()
export class ReturnLineInput extends VariantUnitsInput {
  @Field(() => ReturnReason)
  @IsEnum(ReturnReason)
  reason: ReturnReason;
}

@InputType()
export class ReturnRequestInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'orderId must be an order id' })
  orderId: string;

  @Field(() => [ReturnLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RETURN_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineInput)
  lines: ReturnLineInput[];
}

@InputType()
export class ReceivedLineInput extends VariantUnitsInput {
  @Field(() => ReturnDisposition)
  @IsEnum(ReturnDisposition)
  disposition: ReturnDisposition;
}

@InputType()
export class ReturnReceiveInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'returnId must be a return id' })
  returnId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId: string;

  @Field(() => [ReceivedLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RETURN_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReceivedLineInput)
  lines: ReceivedLineInput[];
}

@InputType()
export class CounterReturnLineInput extends ReceivedLineInput {
  @Field(() => ReturnReason)
  @IsEnum(ReturnReason)
  reason: ReturnReason;
}

@InputType({ description: 'Units of a returned size swapped for another size of the same product at the same price.' })
export class ExchangeLineInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'returnedVariantId must be a variant id' })
  returnedVariantId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'variantId must be a variant id' })
  variantId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_UNITS)
  quantity: number;
}

@InputType()
export class ReturnCreateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'orderId must be an order id' })
  orderId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId: string;

  @Field(() => [CounterReturnLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RETURN_LINES)
  @ValidateNested({ each: true })
  @Type(() => CounterReturnLineInput)
  lines: CounterReturnLineInput[];

  @Field(() => [ExchangeLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_RETURN_LINES)
  @ValidateNested({ each: true })
  @Type(() => ExchangeLineInput)
  exchange?: ExchangeLineInput[];

  @Field(() => String, { description: 'The same key (per staff member) answers the same return: a retried request never refunds twice.' })
  @IsString()
  @Length(1, 100)
  idempotencyKey: string;
}

@ObjectType()
export class ReturnLine {
  @Field(() => Int) quantity: number;
  @Field(() => ReturnReason) reason: ReturnReason;
  @Field(() => ReturnDisposition, { nullable: true, description: 'Where the units went; null until received.' })
  disposition: ReturnDisposition | null;
  @Field(() => Int, { description: 'Units swapped for another size (not refunded).' }) exchanged: number;
  @Field(() => Money, { description: 'What these units refunded (0 until received).' }) refund: Money;
  variantId: string;
}

@ObjectType({ description: 'Units of an order coming back: asked for online (REQUESTED), or received at a store.' })
export class Return {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'Shown to the customer, typed at any store.' }) number: string;
  @Field(() => ReturnStatus) status: ReturnStatus;
  @Field(() => [ReturnLine]) lines: ReturnLine[];
  @Field(() => Money, { description: 'What went back to the customer (0 until received).' }) refund: Money;
  @Field(() => String, {
    nullable: true,
    description: 'CARD (back to the card: PENDING until the provider answers), COUNTER (paid out at the counter) or NONE.',
  })
  refundMethod: string | null;
  @Field(() => Boolean, { description: 'The provider has made the refund (always true for one paid at the counter).' })
  refundSettled: boolean;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) receivedAt: Date | null;
  orderId: string;
  locationId: string | null;
  exchangeOrderId: string | null;
}

@ObjectType()
export class ReturnPayload {
  @Field(() => Return, { nullable: true }) return: Return | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
