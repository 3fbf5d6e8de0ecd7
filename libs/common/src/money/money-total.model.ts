import { Field, ObjectType } from '@nestjs/graphql';
import { ApiError } from '../errors/api-errors.js';
import { ErrorCode } from '../errors/error-codes.js';
import { SafeInt } from '../graphql/safe-int.scalar.js';
import { MAX_AMOUNT, Money } from './money.model.js';

/**
 * A sum of amounts, such as a report's revenue, which can pass Money's 32-bit Int (2^31 - 1 minor units,
 * €21.47M) where no single price or order can. Still integer minor units plus a currency.
 */
@ObjectType({ description: 'A sum in minor units (cents) and its ISO 4217 currency, exact up to 2^53 - 1. Never a float.' })
export class MoneyTotal {
  @Field(() => SafeInt)
  amount: number;

  @Field(() => String)
  currency: string;

  static of(amount: number, currency: string): MoneyTotal {
    return Object.assign(new MoneyTotal(), { amount, currency });
  }

  /**
   * The same sum as a Money, for the fields that answered one before totals existed; past Money's Int it
   * refuses with AMOUNT_TOO_LARGE naming the field to read instead (graphql-js's own refusal would have no
   * code, and so reach the client as INTERNAL_SERVER_ERROR).
   */
  toMoney(readInstead: string): Money {
    if (Math.abs(this.amount) > MAX_AMOUNT) {
      throw new ApiError(
        ErrorCode.AMOUNT_TOO_LARGE,
        `${this.amount} ${this.currency} minor units is past the 32-bit range of Money.amount; read ${readInstead} instead`,
      );
    }
    return Money.of(this.amount, this.currency);
  }
}

/**
 * An integer sum as PostgreSQL returns it (bigint and numeric come as strings) as an exact number;
 * AMOUNT_TOO_LARGE past 2^53 - 1 rather than a rounded figure.
 */
export function exactAmount(raw: string | number | bigint): number {
  const n = Number(raw);
  // A string of integer digits past 2^53 - 1 becomes a number past it too, so this refuses every inexact one.
  if (!Number.isSafeInteger(n))
    throw new ApiError(
      ErrorCode.AMOUNT_TOO_LARGE,
      `The sum ${String(raw)} is not an integer of at most 2^53 - 1 minor units, so it cannot be given exactly`,
    );
  return n;
}
