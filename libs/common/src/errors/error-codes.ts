/**
 * Every stable code the API returns. Thrown errors carry one in `extensions.code`; business refusals
 * carry one in a payload's `userErrors`. Clients may switch on these; never rename one.
 */
export const ErrorCode = {
  // HTTP: a request refused before GraphQL runs (body too large, not JSON, a batch)
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  // thrown: access and shape
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // userErrors: business refusals
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  DUPLICATE: 'DUPLICATE',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  UNKNOWN_SKU: 'UNKNOWN_SKU',
  UNKNOWN_LOCATION: 'UNKNOWN_LOCATION',
  INVALID_DURATION: 'INVALID_DURATION',
  PICKUP_NOT_AVAILABLE: 'PICKUP_NOT_AVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
