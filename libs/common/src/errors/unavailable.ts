/** SQLSTATE classes and socket errors that mean "the database went away", not "the request was wrong". */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
// TypeORM's errors for a transaction whose connection was lost and released under it.
const RELEASED = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);
const MESSAGES =
  /Connection terminated|connection is closed|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether an error is a lost or refused database connection: the request can be retried as it is (a
 * checkout with the same idempotency key, which makes the retry safe whether or not the first committed).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; driverError?: unknown; cause?: unknown; message?: unknown; name?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (typeof e.name === 'string' && RELEASED.has(e.name)) return true;
    if (typeof e.code === 'string' && (SQLSTATES.has(e.code) || NETWORK.has(e.code))) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/** SQLSTATEs of a value PostgreSQL cannot store: a NUL character, bad encoding, too long, out of range, malformed. */
const INVALID_VALUE = new Set(['22021', '22P05', '22001', '22003', '22P02', '22007', '22008']);

/** Whether an error is PostgreSQL refusing a value the client sent (the statement failed, nothing changed). */
export function isInvalidValue(err: unknown): boolean {
  for (let e = err as { code?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && INVALID_VALUE.has(e.code)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}
