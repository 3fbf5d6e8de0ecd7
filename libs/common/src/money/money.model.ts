import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Matches, Max, Min } from 'class-validator';

export const MAX_AMOUNT = 2_147_483_647; // fits a PostgreSQL integer and a GraphQL Int

@ObjectType({ description: 'An amount in minor units (cents) and an ISO 4217 currency. Never a float.' })
export class Money {
  @Field(() => Int)
  amount: number;

  @Field(() => String)
  currency: string;

  static of(amount: number, currency: string): Money {
    return Object.assign(new Money(), { amount, currency });
  }
}

@InputType()
export class MoneyInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT)
  amount: number;

  @Field(() => String)
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;
}
