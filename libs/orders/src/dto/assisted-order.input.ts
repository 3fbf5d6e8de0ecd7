import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { FulfillmentType } from '@app/common';
import { AddressInput } from '@app/locations';
import { ContactInput } from './checkout.input.js';
import { VariantQuantityInput } from './variant-quantity.input.js';

@InputType()
export class AssistedOrderLineInput extends VariantQuantityInput {}

@InputType({ description: 'DELIVERY to an address, or PICKUP at a store (sent there if it lacks the stock).' })
export class DeliveryInput {
  @Field(() => FulfillmentType)
  @IsEnum(FulfillmentType)
  type: FulfillmentType;

  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId?: string;
}

@InputType()
export class AssistedOrderInput {
  @Field(() => ID, { description: 'The store placing the order; the sale counts for it.' })
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId?: string;

  @Field(() => ContactInput, {
    nullable: true,
    description:
      "For a customer without an account; with customerId, messages go to the account's email and phone " +
      '(a name given fills one the account lacks).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput;

  @Field(() => [AssistedOrderLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AssistedOrderLineInput)
  lines: AssistedOrderLineInput[];

  @Field(() => DeliveryInput)
  @ValidateNested()
  @Type(() => DeliveryInput)
  delivery: DeliveryInput;

  @Field(() => String)
  @Matches(/^[\w.:-]{1,100}$/, { message: 'idempotencyKey: 1 to 100 letters, digits, _ . : or -' })
  idempotencyKey: string;
}
