import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes.js';
import { isDatabaseUnavailable, isInvalidValue } from './unavailable.js';

const KNOWN = new Set<string>(Object.values(ErrorCode));
const HTTP_TO_CODE: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * The code a client sees for an expected error (a refusal, a protocol failure), or undefined for an
 * unexpected one (a bug, a lost database), which becomes INTERNAL_SERVER_ERROR. `code` is the
 * `extensions.code` the error carries (Apollo's formatted one, if it already has it).
 */
export function expectedCode(
  error: unknown,
  code: unknown = error instanceof GraphQLError ? error.extensions?.code : undefined,
): string | undefined {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof HttpException) {
    const mapped = HTTP_TO_CODE[original.getStatus()];
    if (mapped) return mapped;
  }
  if (isInvalidValue(original)) return ErrorCode.BAD_USER_INPUT;
  return typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && KNOWN.has(code) ? code : undefined;
}

/**
 * Apollo's `formatError`: known codes pass through; HTTP exceptions are mapped to our codes; anything
 * unexpected is returned as INTERNAL_SERVER_ERROR without internals (no message, stack or SQL unless
 * `exposeDetails`, which is development only). Logging is not done here but by the request-id plugin,
 * once per error and with the request id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  exposeDetails: boolean,
  requestId?: string,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  const code = expectedCode(error, formatted.extensions?.code);

  if (code && original instanceof HttpException) return { ...base, extensions: { code } };
  if (code && isInvalidValue(original))
    return {
      ...base,
      message: 'A value in the input cannot be stored (a NUL character, or a value too long or out of range)',
      extensions: { code },
    };
  if (!code && isDatabaseUnavailable(original)) {
    return {
      ...base,
      message: 'The database is unavailable right now; retry shortly (a checkout with the same idempotencyKey)',
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true },
    };
  }
  if (code) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions: exposeDetails ? formatted.extensions : extensions };
  }
  return {
    message: exposeDetails ? formatted.message : internalErrorMessage(requestId),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}

/** What an unexpected error says outside development: only the request id, which the log has too. */
export const internalErrorMessage = (requestId?: string): string => `Internal server error (request ${requestId ?? 'unknown'})`;
