import { describe, expect, it } from '@jest/globals';
import { LeadTimes } from './lead-times.js';

describe('LeadTimes', () => {
  const lt = new LeadTimes(24, 12, 'WH-PARIS>PAR-01=6,wh-lyon>lyo-01=4');
  it('uses a known pair first, in any case', () => {
    expect(lt.hours('WH-PARIS', 'PAR-01', 15)).toBe(6);
    expect(lt.hours('WH-LYON', 'LYO-01', 5)).toBe(4);
  });
  it('else a base plus a rate per started fraction of 100 km', () => {
    expect(lt.hours('WH-PARIS', 'LYO-01', 0)).toBe(24);
    expect(lt.hours('WH-PARIS', 'LYO-01', 392)).toBe(24 + 48); // 3.92 x 12 = 47.04, rounded up
    expect(lt.hours('PAR-01', 'PAR-02', 4.4)).toBe(25);
  });
});
