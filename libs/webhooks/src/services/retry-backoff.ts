/** The first retry comes after this: the contract asks for one within 30 seconds. */
export const FIRST_RETRY_SECONDS = 5;
/** Retries never wait longer than this, however many attempts failed. */
export const MAX_RETRY_SECONDS = 3600;

/**
 * Seconds before the next attempt after `failedAttempts` failures of one delivery: 5 s, doubling, at most
 * an hour, plus up to a tenth more (`jitter` in [0, 1)) so endpoints that failed together do not retry in step.
 */
export function retryDelaySeconds(failedAttempts: number, jitter: number = Math.random()): number {
  const base = Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(base * (1 + jitter / 10));
}
