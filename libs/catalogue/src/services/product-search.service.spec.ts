import { describe, expect, it } from '@jest/globals';
import { toTsQuery } from './product-search.service.js';

describe('toTsQuery', () => {
  it('ANDs words as prefixes, lower-cased', () => expect(toTsQuery('Trench NAVY')).toBe('trench:* & navy:*'));
  it('keeps letters and digits of any script, drops tsquery syntax', () =>
    expect(toTsQuery("l'été & !(x) | 42")).toBe('l:* & été:* & x:* & 42:*'));
  it('is null when nothing searchable is left', () => {
    expect(toTsQuery('  &|!  ')).toBeNull();
    expect(toTsQuery(undefined)).toBeNull();
  });
});
