import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { UserError } from '@app/common';

@InputType()
export class PasswordChangeInput {
  @Field(() => String)
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @Field(() => String)
  @IsString()
  @Length(10, 200, { message: 'newPassword must be 10 to 200 characters' })
  newPassword: string;
}

@ObjectType()
export class PasswordChangePayload {
  @Field(() => String, {
    nullable: true,
    description: 'A new token for this device: every token issued before the change has stopped working.',
  })
  token: string | null;

  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class SignOutPayload {
  @Field(() => Boolean) signedOut: boolean;
  @Field(() => [UserError]) userErrors: UserError[];
}
