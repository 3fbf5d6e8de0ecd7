import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { E164 } from '@app/customers';
import { AddressInput } from '@app/locations';
import { PaymentMethod } from '@app/payments';

@InputType({ description: "How the order is paid: a card token from the provider's client SDK, or at the counter." })
export class PaymentInput {
  @Field(() => PaymentMethod)
  @IsEnum(PaymentMethod)
  method: PaymentMethod;

  @Field(() => String, { nullable: true, description: "CARD: what the provider's client SDK gave (sandbox: tok_sandbox_ok, …)." })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  token?: string;
}

@InputType()
export class ContactInput {
  @Field(() => String)
  @IsEmail({}, { message: 'contact.email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field(() => String, { nullable: true, description: 'E.164; text messages go here too.' })
  @IsOptional()
  @Matches(E164, { message: 'contact.phone must be in E.164 form, e.g. +33612345678' })
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}

@InputType()
export class CheckoutInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'cartId must be a cart id' })
  cartId: string;

  @Field(() => String, { description: 'Chosen by the client per purchase; a retry with the same key returns the same order.' })
  @Matches(/^[\w.:-]{1,100}$/, { message: 'idempotencyKey: 1 to 100 letters, digits, _ . : or -' })
  idempotencyKey: string;

  @Field(() => ContactInput, {
    nullable: true,
    description:
      "Required for guests; defaults to the customer's account. " +
      "Staff checking out a customer's cart cannot replace the account's email or phone.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput;

  @Field(() => AddressInput, { nullable: true, description: 'Required when a line is delivered.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  shippingAddress?: AddressInput;

  @Field(() => PaymentInput, {
    nullable: true,
    description:
      'CARD authorises the total before the order exists; PAY_AT_PICKUP when every line is collected in a store. None: paid later (PENDING).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentInput)
  payment?: PaymentInput;
}
