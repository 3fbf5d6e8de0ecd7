import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes.js';

const logger = new Logger('GraphQL');
const KNOWN = new Set<string>(Object.values(ErrorCode));
const HTTP_TO_CODE: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  429: ErrorCode.RATE_LIMITED,
};
// Codes Apollo and graphql-js set themselves for requests that never reach a resolver.
const PROTOCOL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Apollo's `formatError`: known codes pass through; HTTP exceptions are mapped to our codes; anything
 * unexpected is logged with the request id and returned as INTERNAL_SERVER_ERROR without internals.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, exposeDetails: boolean, requestId?: string): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code as string | undefined;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof HttpException) {
    const mapped = HTTP_TO_CODE[original.getStatus()];
    if (mapped) return { ...base, extensions: { code: mapped } };
  }
  if (code && (KNOWN.has(code) || PROTOCOL_CODES.has(code)) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions: exposeDetails ? formatted.extensions : extensions };
  }
  logger.error({ err: original, requestId, path: formatted.path }, `unexpected error: ${(original as Error)?.message ?? formatted.message}`);
  return {
    message: exposeDetails ? formatted.message : `Internal server error (request ${requestId ?? 'unknown'})`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}
