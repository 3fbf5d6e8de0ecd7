import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

export const E164 = /^\+[1-9]\d{6,14}$/;
/** A phone number as typed: digits and the usual separators, 6 to 32 characters (normalised by the service). */
const PHONE_TYPED = /^\+?[\d\s()./-]{6,32}$/;

@InputType()
export class RegisterInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +33612345678' })
  @IsOptional()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +33612345678' })
  phone?: string;

  @Field(() => ID, { nullable: true, description: 'A guest cart to bring into the new account.' })
  @IsOptional()
  @IsUUID('all', { message: 'cartId must be a cart id' })
  cartId?: string;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  @IsString()
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  password: string;

  @Field(() => ID, { nullable: true, description: "A guest cart to merge into the customer's cart." })
  @IsOptional()
  @IsUUID('all', { message: 'cartId must be a cart id' })
  cartId?: string;
}

@InputType({ description: 'Marketing consent per channel; an omitted channel stays as it is.' })
export class MarketingConsentInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  email?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  sms?: boolean | null;
}

/** The customer (their own account) or staff. Omitted fields stay; `name: null` and `phone: null` remove them. */
@InputType()
export class CustomerUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Any common format ("+33 6 12 34 56 78", "06 12 34 56 78", "0033612345678"); stored in E.164.',
  })
  @IsOptional()
  @Matches(PHONE_TYPED, { message: 'phone must be a phone number, e.g. +33 6 12 34 56 78' })
  phone?: string | null;

  @Field(() => MarketingConsentInput, { nullable: true, description: 'Each channel given is dated now, with where it was collected.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MarketingConsentInput)
  marketingConsent?: MarketingConsentInput | null;
}
