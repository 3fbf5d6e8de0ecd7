import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { UserError } from '@app/common';
import { MAX_ADJUST } from '../dto/stock-adjust.input.js';

export enum TransferStatus {
  REQUESTED = 'REQUESTED',
  IN_TRANSIT = 'IN_TRANSIT',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TransferStatus, {
  name: 'TransferStatus',
  description: 'REQUESTED (held at the source) → IN_TRANSIT (incoming at the destination) → RECEIVED; CANCELLED before it ships.',
});

/** Lines a transfer may hold: a van load of sizes, not a warehouse (a feed moves more). */
export const MAX_TRANSFER_LINES = 200;

@InputType()
export class TransferLineInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  sku: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_ADJUST)
  quantity: number;
}

@InputType()
export class TransferCreateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'fromLocationId must be a location id' })
  fromLocationId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'toLocationId must be a location id' })
  toLocationId: string;

  @Field(() => [TransferLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TRANSFER_LINES)
  @ValidateNested({ each: true })
  @Type(() => TransferLineInput)
  lines: TransferLineInput[];

  @Field(() => String, {
    description: 'The same key (per staff member) returns the same transfer: a retried request never holds stock twice.',
  })
  @IsString()
  @Length(1, 100)
  idempotencyKey: string;
}

@ObjectType()
export class TransferLine {
  @Field(() => String) sku: string;
  @Field(() => Int, { description: 'Units sent (or to send).' }) quantity: number;
  @Field(() => Int, { nullable: true, description: 'Units that arrived; null until received. The rest were lost in transit.' })
  received: number | null;
  variantId: string;
}

@ObjectType({ description: 'Stock sent from one location to another, as a document with its steps.' })
export class Transfer {
  @Field(() => ID) id: string;
  @Field(() => String) number: string;
  @Field(() => TransferStatus) status: TransferStatus;
  @Field(() => [TransferLine]) lines: TransferLine[];
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) shippedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) receivedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) cancelledAt: Date | null;
  fromLocationId: string;
  toLocationId: string;
}

@ObjectType()
export class TransferPayload {
  @Field(() => Transfer, { nullable: true }) transfer: Transfer | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
