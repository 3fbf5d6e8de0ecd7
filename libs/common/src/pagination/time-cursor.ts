import { badInput } from '../errors/api-errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/**
 * Keyset cursors over (a timestamptz, an id), newest first. The time travels as whole microseconds since
 * the epoch, read and compared in SQL: a JS Date keeps milliseconds only, and a cursor rounded to them
 * would skip or repeat rows created within the same millisecond.
 */
export interface TimeKey {
  /** Microseconds since the epoch, as decimal digits. */
  micros: string;
  id: string;
}

/** SQL: a timestamptz column as exact microseconds since the epoch (text), for `encodeTimeCursor`. */
export const epochMicrosSql = (column: string): string => `(extract(epoch FROM ${column}) * 1000000)::bigint::text`;

/** SQL: a parameter holding such microseconds (text or bigint) back as a timestamptz, exactly. */
export const fromEpochMicrosSql = (param: string): string => `('epoch'::timestamptz + ${param}::bigint * interval '1 microsecond')`;

export const encodeTimeCursor = (key: TimeKey): string => encodeCursor([key.micros, key.id]);

const MICROS = /^\d{1,16}$/; // up to year 2286: wide enough, and always a valid timestamp
const IDS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  bigint: /^[1-9]\d{0,17}$/,
};

/** Decodes a cursor of `encodeTimeCursor`, or BAD_USER_INPUT: nothing else this API did not issue reaches SQL. */
export function decodeTimeCursor(cursor: string, id: keyof typeof IDS): TimeKey {
  const [micros, key] = decodeCursor(cursor, 2);
  if (typeof micros !== 'string' || typeof key !== 'string' || !MICROS.test(micros) || !IDS[id].test(key)) {
    throw badInput('after: not a cursor this API issued', ['after']);
  }
  return { micros, id: key };
}
