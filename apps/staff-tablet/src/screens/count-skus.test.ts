import { describe, expect, it } from 'vitest';
import { parseSkus } from './count-skus';

describe('count SKUs', () => {
  it('splits on lines, commas and spaces, upper-cases and drops blanks and repeats', () => {
    expect(parseSkus(' lns-w-m,\nLNS-W-M  tee-b-s;\n\n')).toEqual(['LNS-W-M', 'TEE-B-S']);
    expect(parseSkus('   ')).toEqual([]);
  });
});
