import { type ValidationError, ValidationPipe } from '@nestjs/common';
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
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const message = problems.map((p) => `${p.field.join('.')}: ${p.message}`).join('; ') || 'Invalid input';
      return new ApiError(ErrorCode.BAD_USER_INPUT, message, { field: problems[0]?.field, problems });
    },
  });
}
