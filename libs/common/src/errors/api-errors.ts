import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes.js';

/** A thrown GraphQL error with a stable `extensions.code` (access and shape failures). */
export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Sign in to do this') => new ApiError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this') => new ApiError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new ApiError(ErrorCode.NOT_FOUND, `${what} not found`);
export const badInput = (message: string, field?: string[]) => new ApiError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

/**
 * An expected business refusal raised inside a unit of work. Throwing it rolls the transaction back;
 * the resolver turns it into the payload's `userErrors`, so a refused request changes nothing.
 */
export class BusinessError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string[],
  ) {
    super(message);
  }
}

/**
 * Too many attempts: RATE_LIMITED with HTTP 429 and Retry-After on whichever path refuses (Apollo takes
 * `extensions.http` from errors thrown anywhere in the operation); `retryAfterSeconds` for WebSocket clients.
 */
export function rateLimited(message: string, retryAfterSeconds: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError(ErrorCode.RATE_LIMITED, `${message}; try again in ${seconds} s`, {
    retryAfterSeconds: seconds,
    http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
  });
}
