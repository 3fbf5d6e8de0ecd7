import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';

export const E164 = /^\+[1-9]\d{6,14}$/;

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
