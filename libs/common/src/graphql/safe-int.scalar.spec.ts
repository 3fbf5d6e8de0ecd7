import { describe, expect, it } from '@jest/globals';
import { parseValue } from 'graphql';
import { SafeInt } from './safe-int.scalar.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('SafeInt', () => {
  it('sends integers up to 2^53 - 1 exactly, as numbers', () => {
    for (const n of [0, -1, 2 ** 31, 3 * (2 ** 31 - 1), MAX, -MAX]) expect(SafeInt.serialize(n)).toBe(n);
    expect(SafeInt.serialize(BigInt(MAX))).toBe(MAX);
  });

  it('refuses what it cannot send exactly, with a message saying so', () => {
    for (const v of [MAX + 1, -MAX - 1, 1.5, Number.NaN, Infinity, '12', null, BigInt(MAX) + 1n]) {
      expect(() => SafeInt.serialize(v)).toThrow(/SafeInt cannot represent .*integers from -\(2\^53 - 1\) to 2\^53 - 1/);
    }
  });

  it('reads variables and literals by the same rule, a long literal from its digits', () => {
    expect(SafeInt.parseValue(MAX)).toBe(MAX);
    expect(() => SafeInt.parseValue('5')).toThrow(/SafeInt cannot represent/);
    expect(SafeInt.parseLiteral(parseValue('9007199254740991'))).toBe(MAX);
    // 2^53 + 1 as a number would round to 2^53; its digits say it is past the range.
    expect(() => SafeInt.parseLiteral(parseValue('9007199254740993'))).toThrow(/SafeInt cannot represent 9007199254740993/);
    expect(() => SafeInt.parseLiteral(parseValue('1.0'))).toThrow(/SafeInt cannot represent 1.0/);
    expect(() => SafeInt.parseLiteral(parseValue('"1"'))).toThrow(/SafeInt cannot represent "1"/);
  });
});
