import { describe, expect, it } from '@jest/globals';
import { ServiceSecrets } from '@app/common';
import { PickupCodes } from './pickup-code.js';

const codes = (secret = 'x'.repeat(40)) => new PickupCodes(new ServiceSecrets('y'.repeat(40), secret));

describe('PickupCodes', () => {
  it('makes short codes of unambiguous characters', () => {
    for (let i = 0; i < 50; i++) expect(codes().generate()).toMatch(/^[ACDEFGHJKLMNPQRTUVWXY34679]{6}$/);
  });
  it('matches the right code for the right fulfilment only, in any case', () => {
    const c = codes();
    const stored = c.hash('f1', 'ACD347');
    expect(c.matches('f1', ' acd347 ', stored)).toBe(true);
    expect(c.matches('f1', 'ACD346', stored)).toBe(false);
    expect(c.matches('f2', 'ACD347', stored)).toBe(false);
    expect(c.matches('f1', 'ACD347', null)).toBe(false);
  });
  it('seals so that only the same secret opens', () => {
    const sealed = codes().seal('ACD347');
    expect(sealed).not.toContain('ACD347');
    expect(codes().open(sealed)).toBe('ACD347');
    expect(codes('y'.repeat(40)).open(sealed)).toBeNull();
  });
});
