import { ParseArrayPipe, type Type, type ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-errors.js';
import { ErrorCode } from './error-codes.js';

function flatten(errors: ValidationError[], parent: string[] = []): { field: string[]; message: string }[] {
  return errors.flatMap((e) => {
    const field = [...parent, e.property];
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The global pipe: strips nothing silently, refuses unknown fields, and fails closed as BAD_USER_INPUT. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: invalidInput });
}

/** @nestjs/graphql's parameter kinds other than ARGS (3): ROOT (0, `@Parent`), CONTEXT (1), INFO (2). */
const GRAPHQL_NON_INPUT = new Set<unknown>([0, 1, 2]);

/**
 * Validates what clients send, not what resolvers hand each other: without this, every field resolver's
 * `@Parent()` object (a ProductVariant per variant of a catalogue page) went through class-transformer and
 * class-validator on each call. (Measured with `npm run bench`: no change in the catalogue page's CPU per
 * request beyond noise; kept because validating server-made objects is pointless work.)
 */
class InputValidationPipe extends ValidationPipe {
  protected toValidate(metadata: Parameters<ValidationPipe['toValidate']>[0]): boolean {
    return !GRAPHQL_NON_INPUT.has(metadata.type) && super.toValidate(metadata);
  }
}

/**
 * For list arguments (`lines: [CartLineInput!]!`): the global pipe does not look inside arrays, so each
 * item is validated here with the same rules and the same BAD_USER_INPUT refusal.
 */
export function validateEach(items: Type<unknown>): ParseArrayPipe {
  return new ParseArrayPipe({
    items,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (e: unknown) =>
      Array.isArray(e) ? invalidInput(e as ValidationError[]) : new ApiError(ErrorCode.BAD_USER_INPUT, String(e)),
  });
}

function invalidInput(errors: ValidationError[]): ApiError {
  const problems = flatten(errors);
  const message = problems.map((p) => `${p.field.join('.')}: ${p.message}`).join('; ') || 'Invalid input';
  return new ApiError(ErrorCode.BAD_USER_INPUT, message, { field: problems[0]?.field, problems });
}
