import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { FulfillmentType } from '@app/common';

@InputType()
export class CartFulfillmentInput {
  @Field(() => FulfillmentType, { description: 'DELIVERY, or PICKUP with a pickup store.' })
  @IsEnum(FulfillmentType)
  type: FulfillmentType;

  @Field(() => ID, { nullable: true, description: 'The pickup store, for PICKUP.' })
  @IsOptional()
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId?: string;
}

@InputType()
export class CartLineInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'variantId must be a variant id' })
  variantId: string;

  @Field(() => Int, {
    description:
      'At least 1; a cart holds at most CART_MAX_LINE_QUANTITY units of one variant over all its lines (INVALID_QUANTITY past it).',
  })
  @IsInt()
  @Min(1)
  quantity: number;

  @Field(() => CartFulfillmentInput)
  @ValidateNested()
  @Type(() => CartFulfillmentInput)
  fulfillment: CartFulfillmentInput;
}

@InputType()
export class CartLineUpdateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a cart line id' })
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  quantity: number;
}
