import { Field, ObjectType } from '@nestjs/graphql';
import { BusinessError } from './api-errors.js';
import { userErrorCodesDescription } from './error-table.js';

@ObjectType({ description: 'A business refusal: a stable code, the input field it concerns, and a message for people.' })
export class UserError {
  @Field(() => String, { description: userErrorCodesDescription() })
  code: string;

  @Field(() => [String], { nullable: true })
  field?: string[];

  @Field(() => String)
  message: string;

  static from(err: BusinessError): UserError {
    return Object.assign(new UserError(), { code: err.code, field: err.field, message: err.message });
  }
}

/**
 * Runs a mutation's work and shapes its payload: the result on success, `userErrors` on a business
 * refusal. Anything else propagates as a thrown error.
 */
export async function payload<K extends string, T>(
  key: K,
  work: () => Promise<T>,
): Promise<{ [P in K]: T | null } & { userErrors: UserError[] }> {
  try {
    const value = await work();
    return { [key]: value, userErrors: [] } as { [P in K]: T | null } & { userErrors: UserError[] };
  } catch (err) {
    if (err instanceof BusinessError)
      return { [key]: null, userErrors: [UserError.from(err)] } as { [P in K]: T | null } & { userErrors: UserError[] };
    throw err;
  }
}
