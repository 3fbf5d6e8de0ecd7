/**
 * Every stable code the API answers with, and what it means: the one list the schema documents
 * (UserError.code) and the README's error table is generated from (`npm run docs:errors`;
 * test/error-table.e2e-spec.ts checks the table against this list and the running service). Thrown
 * errors carry a code in `extensions.code`; business refusals in a payload's `userErrors`. Clients may
 * switch on these: never rename one. Codes that share a row mean the same kind of thing.
 */
export const ERROR_TABLE = [
  {
    codes: ['UNAUTHENTICATED'],
    where: 'thrown',
    http: '401 for a bad, tampered, expired or ended token (signed out, password changed, deactivated); 200 for a field that needs sign-in',
    meaning: 'a WebSocket with such a token closes with 4403, also when its session ends while open',
  },
  {
    codes: ['FORBIDDEN'],
    where: 'thrown',
    http: '403 for a shopper sending `x-channel: STORE`; 200 otherwise',
    meaning: 'signed in but not allowed (role, or another location)',
  },
  { codes: ['NOT_FOUND'], where: 'thrown', http: '200', meaning: 'a looked-up id, SKU or location does not exist' },
  {
    codes: ['BAD_USER_INPUT'],
    where: 'thrown',
    http: '400 for the `x-channel` header or variables of the wrong type; 200 for a value a field refuses',
    meaning: 'invalid shape or value (validation, page size, cursor, a value the database cannot store such as a NUL character)',
  },
  {
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    where: 'thrown',
    http: '400',
    meaning: 'the query does not fit the schema, or is over a limit: depth, cost, aliases, directives; introspection while it is off',
  },
  {
    codes: ['GRAPHQL_PARSE_FAILED'],
    where: 'thrown',
    http: '400',
    meaning: 'not GraphQL syntax, or more than `GRAPHQL_MAX_TOKENS` tokens',
  },
  {
    codes: ['OPERATION_RESOLUTION_FAILURE'],
    where: 'thrown',
    http: '400',
    meaning: 'the document holds several operations and `operationName` names none of them',
  },
  {
    codes: ['PERSISTED_QUERY_NOT_FOUND'],
    where: 'thrown',
    http: '200',
    meaning: 'an automatic persisted query whose hash the service does not know yet: send it again with its `query`',
  },
  {
    codes: ['BAD_REQUEST'],
    where: 'thrown',
    http: '400',
    meaning:
      'before GraphQL runs: the body is not JSON, is a batch, or has no query; over WebSocket, an operation that is not a subscription',
  },
  {
    codes: ['PAYLOAD_TOO_LARGE'],
    where: 'thrown',
    http: '413',
    meaning: 'the body is over `REQUEST_BODY_LIMIT_KB` (a WebSocket message over it closes the socket with 1009)',
  },
  {
    codes: ['INTERNAL_SERVER_ERROR'],
    where: 'thrown',
    http: '200',
    meaning: 'unexpected; the message holds only the request id, which the log has too',
  },
  {
    codes: ['RATE_LIMITED'],
    where: 'thrown',
    http: '429',
    meaning:
      'a sign-in (or `passwordChange`) that must wait after wrong passwords for that account, too many sign-in attempts from one address, or too many queries, changes or checkouts for this client in a minute; `Retry-After` and `extensions.retryAfterSeconds`',
  },
  {
    codes: ['SERVICE_UNAVAILABLE'],
    where: 'thrown',
    http: '200',
    meaning:
      'the database connection was lost mid-request, or live updates are off because Redis is unreachable; `extensions.retryable: true` (retry a checkout with the same `idempotencyKey`)',
  },
  {
    codes: ['TOO_MANY_SUBSCRIPTIONS'],
    where: 'thrown',
    http: 'none: WebSocket only',
    meaning: 'over `SUBSCRIPTIONS_PER_CONNECTION` on one connection or `SUBSCRIPTIONS_PER_CLIENT` for one client',
  },
  {
    codes: ['AMOUNT_TOO_LARGE'],
    where: 'thrown',
    http: '200',
    meaning:
      "a report's `revenue: Money` past 2^31 − 1 minor units (€21.47M): read `revenueTotal`, exact up to 2^53 − 1; a sum past that is refused too, never rounded",
  },
  { codes: ['INVALID_CREDENTIALS'], where: 'userError', http: '200', meaning: 'wrong email or password; a wrong `currentPassword`' },
  { codes: ['DUPLICATE'], where: 'userError', http: '200', meaning: 'code, slug, SKU, barcode or email already taken' },
  {
    codes: ['INSUFFICIENT_STOCK'],
    where: 'userError',
    http: '200',
    meaning:
      'a removal would take on-hand below what is held and unsellable; fewer units to mark unsellable, put back on sale or write off; a transfer asks for more than its source may send',
  },
  { codes: ['UNKNOWN_SKU', 'UNKNOWN_LOCATION'], where: 'userError', http: '200', meaning: 'the input names nothing' },
  {
    codes: ['INVALID_DURATION'],
    where: 'userError',
    http: '200',
    meaning: '`pickupHold` is not an ISO-8601 duration of days/hours/minutes/seconds up to a year',
  },
  { codes: ['INVALID_TIME_ZONE'], where: 'userError', http: '200', meaning: 'not an IANA time zone' },
  {
    codes: ['INVALID_URL'],
    where: 'userError',
    http: '200',
    meaning: 'a webhook endpoint URL that is not an absolute `http` or `https` URL (or is over 2,048 characters)',
  },
  { codes: ['PICKUP_NOT_AVAILABLE'], where: 'userError', http: '200', meaning: 'pickup at a location that is not a pickup store' },
  {
    codes: ['LOCATION_REQUIRED'],
    where: 'userError',
    http: '200',
    meaning: 'associates and managers need a home location; a PICKUP cart line needs its store',
  },
  { codes: ['CART_NOT_ACTIVE'], where: 'userError', http: '200', meaning: 'the cart was merged or ordered and can no longer change' },
  {
    codes: ['INVALID_QUANTITY'],
    where: 'userError',
    http: '200',
    meaning:
      'the cart would hold more than `CART_MAX_LINE_QUANTITY` units of one variant, its lines together; `field` names the line that passes it; a partial collect takes fewer than 0 or more units than the line holds',
  },
  { codes: ['CART_LINE_LIMIT'], where: 'userError', http: '200', meaning: 'the cart would hold more than `CART_MAX_LINES` lines' },
  {
    codes: ['CURRENCY_MISMATCH'],
    where: 'userError',
    http: '200',
    meaning: 'a variant priced in another currency than the cart, or a new price or size in another currency than the product',
  },
  {
    codes: ['PRODUCT_UNAVAILABLE'],
    where: 'userError',
    http: '200',
    meaning:
      'the product or size was archived: it cannot be added to a cart, and a cart that holds it cannot check out until the line is removed',
  },
  { codes: ['UNKNOWN_CART_LINE'], where: 'userError', http: '200', meaning: 'a line id that is not in this cart' },
  { codes: ['UNKNOWN_DISCOUNT_CODE'], where: 'userError', http: '200', meaning: 'no such discount code' },
  {
    codes: ['DISCOUNT_NOT_APPLICABLE'],
    where: 'userError',
    http: '200',
    meaning:
      'the code is not for this channel, not valid yet, switched off by an admin, for another currency, or the subtotal is below its minimum',
  },
  { codes: ['DISCOUNT_EXPIRED', 'DISCOUNT_USED_UP'], where: 'userError', http: '200', meaning: 'past its end; no uses left' },
  { codes: ['EMPTY_CART'], where: 'userError', http: '200', meaning: 'checkout of a cart without lines' },
  {
    codes: ['CONTACT_REQUIRED', 'ADDRESS_REQUIRED'],
    where: 'userError',
    http: '200',
    meaning: 'a guest checkout needs a contact email; a delivered line needs a shipping address',
  },
  {
    codes: ['OUT_OF_STOCK'],
    where: 'userError',
    http: '200',
    meaning: 'a line cannot be held anywhere; `field` names the line; nothing was held',
  },
  {
    codes: ['IDEMPOTENCY_KEY_REUSED'],
    where: 'userError',
    http: '200',
    meaning:
      "you used this key to check out another cart (keys are per caller; a guest's per cart), or to request another transfer (`transferCreate`)",
  },
  {
    codes: ['INVALID_STATE'],
    where: 'userError',
    http: '200',
    meaning:
      'the fulfilment, order, transfer or count cannot make that move from its current status (a count applied twice); `pickupUnlock` of a pickup that is not locked; deactivating yourself',
  },
  {
    codes: ['INVALID_PICKUP_CODE', 'PICKUP_CODE_LOCKED'],
    where: 'userError',
    http: '200',
    meaning: 'wrong code (counted); too many wrong codes, the pickup is locked',
  },
  {
    codes: ['NOT_IN_FULFILLMENT', 'NOTHING_COLLECTED'],
    where: 'userError',
    http: '200',
    meaning:
      'a partial collect names a variant the fulfilment does not hold; takes no unit at all (that is a cancellation: `orderCancel`, or let the hold expire)',
  },
  {
    codes: ['PICKUP_EXPIRED'],
    where: 'userError',
    http: '200',
    meaning: "a collect after the pickup's hold ran out: the pickup is expired then and there (stock released, the customer told)",
  },
  {
    codes: ['USAGE_LIMIT_BELOW_USES'],
    where: 'userError',
    http: '200',
    meaning: "`promotionUpdate`: a usage limit below the code's `timesUsed`",
  },
  {
    codes: ['PAYMENT_DECLINED'],
    where: 'userError',
    http: '200',
    meaning: 'the card was declined: no order, nothing held, the cart as it was (try another card)',
  },
  {
    codes: ['PAYMENT_UNAVAILABLE'],
    where: 'userError',
    http: '200',
    meaning: 'the payment provider could not be reached or answer: nothing changed; retry (a checkout with the same `idempotencyKey`)',
  },
  {
    codes: ['PAYMENT_METHOD_NOT_ALLOWED'],
    where: 'userError',
    http: '200',
    meaning: '`PAY_AT_PICKUP` for a cart with a line that is not collected in a store, or a card where no payment provider is configured',
  },
  {
    codes: ['PAYMENT_REQUIRED'],
    where: 'userError',
    http: '200',
    meaning: 'a checkout without `payment` while `CHECKOUT_PAYMENT_REQUIRED` is on',
  },
  {
    codes: ['PRICE_CHANGED'],
    where: 'userError',
    http: '200',
    meaning: "the cart's total changed between the card's authorisation and the order (a price or code changed): released; check out again",
  },
  {
    codes: ['CUSTOMER_ERASED'],
    where: 'userError',
    http: '200',
    meaning: '`customerUpdate` or `customerErase` of a customer whose personal data was already erased',
  },
  { codes: ['UNKNOWN_CUSTOMER'], where: 'userError', http: '200', meaning: '`assistedOrderCreate` names a customer that does not exist' },
  {
    codes: ['RETURN_NOT_ALLOWED', 'RETURN_QUANTITY_EXCEEDED', 'RETURN_WINDOW_CLOSED'],
    where: 'userError',
    http: '200',
    meaning:
      'a return of units never handed over (or not in the return being received); more units than were handed over less those already coming back; after `RETURN_WINDOW_DAYS` from the handover',
  },
  {
    codes: ['EXCHANGE_NOT_ALLOWED'],
    where: 'userError',
    http: '200',
    meaning: 'an exchange for a variant of another product or at another price, or of more units than the return brings back',
  },
  {
    codes: ['STOCK_CHANGED', 'BELOW_RESERVED'],
    where: 'userError',
    http: '200',
    meaning:
      "`stockSet`: an item's `compareOnHand` is not the current on hand (read again and retry); an on hand below what is held and unsellable there. Nothing of the call is applied",
  },
  {
    codes: ['COUNT_IN_PROGRESS'],
    where: 'userError',
    http: '200',
    meaning: '`stockCountStart` names a SKU that another open count at that location already covers (apply or cancel that one first)',
  },
  {
    codes: ['NOT_IN_DOCUMENT'],
    where: 'userError',
    http: '200',
    meaning:
      '`transferReceive` or `stockCountRecord` names a SKU the transfer or count does not hold, or more units than the transfer sent',
  },
] as const satisfies readonly ErrorRow[];

export interface ErrorRow {
  readonly codes: readonly string[];
  /** thrown: a GraphQL error with `extensions.code`; userError: in the mutation payload's `userErrors`. */
  readonly where: 'thrown' | 'userError';
  /** The HTTP status the service answers with, and when. */
  readonly http: string;
  readonly meaning: string;
}

export type ErrorCode = (typeof ERROR_TABLE)[number]['codes'][number];

/** The codes by name, for `ErrorCode.OUT_OF_STOCK` in code. */
export const ErrorCode = Object.fromEntries(ERROR_TABLE.flatMap((r) => r.codes.map((c) => [c, c]))) as { readonly [K in ErrorCode]: K };
