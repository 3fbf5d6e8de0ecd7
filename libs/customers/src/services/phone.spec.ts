import { describe, expect, it } from '@jest/globals';
import { PHONE_REGIONS } from '@app/config';
import { KNOWN_PHONE_REGIONS, looksLikePhone, normalisePhone } from './phone.js';

describe('normalisePhone', () => {
  it.each([
    '+33 6 12 34 56 78',
    '+33612345678',
    '06 12 34 56 78',
    '06.12.34.56.78',
    '06-12-34-56-78',
    '0033612345678',
    '0033 6 12 34 56 78',
    '+33 (0)6 12 34 56 78',
  ])('reads %j as +33612345678 in FR', (raw) => expect(normalisePhone(raw, 'FR')).toBe('+33612345678'));

  it('reads national numbers in the configured region', () => {
    expect(normalisePhone('020 7946 0018', 'GB')).toBe('+442079460018');
    expect(normalisePhone('06 1234 5678', 'IT')).toBe('+390612345678');
    expect(normalisePhone('(415) 555-0100', 'US')).toBe('+14155550100');
    expect(normalisePhone('1 415 555 0100', 'US')).toBe('+14155550100');
  });

  it.each(['', 'abc', '+0612345678', '12', '+33 6 12 34 56 78 90 12 34', 'O6 12 34 56 78'])('refuses %j', (raw) =>
    expect(normalisePhone(raw, 'FR')).toBeNull(),
  );

  it('knows every region the configuration accepts', () => expect([...KNOWN_PHONE_REGIONS].sort()).toEqual([...PHONE_REGIONS].sort()));

  it('tells phone numbers from names', () => {
    expect(looksLikePhone('06 12 34 56 78')).toBe(true);
    expect(looksLikePhone('+33612345678')).toBe(true);
    expect(looksLikePhone('Dupont')).toBe(false);
    expect(looksLikePhone('12')).toBe(false);
  });
});
