import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, pageSize } from './cursor.js';

describe('keyset cursors', () => {
  it('round-trips the sort key', () => {
    expect(decodeCursor(encodeCursor(['Trench coat', 'a1b2']), 2)).toEqual(['Trench coat', 'a1b2']);
  });

  it.each([
    '',
    'garbage',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('["only-one"]').toString('base64url'),
    Buffer.from('[{},1]').toString('base64url'),
  ])('refuses %j as BAD_USER_INPUT', (c) => {
    expect(() => decodeCursor(c, 2)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('caps page sizes at 100', () => {
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    for (const n of [0, 101, -5, 2.5]) expect(() => pageSize(n)).toThrow(/between 1 and 100/);
  });
});
