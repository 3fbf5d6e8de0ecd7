import { describe, expect, it } from '@jest/globals';
import { formatIsoDuration, parseIsoDuration } from './iso-duration.js';

describe('ISO-8601 pickup hold durations', () => {
  it.each([
    ['PT48H', 172800],
    ['P2D', 172800],
    ['P1DT12H', 129600],
    ['PT90M', 5400],
    ['PT3S', 3],
    ['P1W', 604800],
    ['pt1h', 3600],
  ])('parses %s', (text, seconds) => expect(parseIsoDuration(text)).toBe(seconds));

  it.each(['', 'P', 'PT', 'P1DT', '48H', 'P1Y', 'P1M', 'PT-1H', 'P0D', 'PT1.5H', 'P400D', 'forever'])('refuses %j', (text) =>
    expect(parseIsoDuration(text)).toBeNull(),
  );

  it('formats canonically', () => {
    expect(formatIsoDuration(172800)).toBe('PT48H');
    expect(formatIsoDuration(5400)).toBe('PT1H30M');
    expect(formatIsoDuration(3)).toBe('PT3S');
    expect(formatIsoDuration(3661)).toBe('PT1H1M1S');
  });
});
