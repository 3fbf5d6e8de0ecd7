import { describe, expect, it } from '@jest/globals';
import { encodeCursor } from './cursor.js';
import { decodeTimeCursor, encodeTimeCursor } from './time-cursor.js';

describe('(time, id) cursors', () => {
  const id = '0b5a3c1e-6f1d-4c57-9d7e-2a1b3c4d5e6f';

  it('round-trips microseconds and the id', () => {
    expect(decodeTimeCursor(encodeTimeCursor({ micros: '1765140000123456', id }), 'uuid')).toEqual({ micros: '1765140000123456', id });
    expect(decodeTimeCursor(encodeTimeCursor({ micros: '1765140000123456', id: '42' }), 'bigint')).toEqual({
      micros: '1765140000123456',
      id: '42',
    });
  });

  it.each([
    ['a time that is not digits', encodeCursor(['2025-12-07', id]), 'uuid'],
    ['a time as a number', encodeCursor([1765140000123456, id]), 'uuid'],
    ['a time out of range', encodeCursor(['99999999999999999', id]), 'uuid'],
    ['an id that is not a uuid', encodeCursor(['1765140000123456', 'x']), 'uuid'],
    ['an id that is not a whole number', encodeCursor(['1765140000123456', '1e3']), 'bigint'],
    ['a uuid where a number is due', encodeCursor(['1765140000123456', id]), 'bigint'],
    ['garbage', 'garbage', 'uuid'],
  ] as const)('refuses %s as BAD_USER_INPUT', (_what, cursor, kind) => {
    expect(() => decodeTimeCursor(cursor, kind)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});
