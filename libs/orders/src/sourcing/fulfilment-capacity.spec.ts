import { describe, expect, it } from '@jest/globals';
import { dayIn } from './fulfilment-capacity.service.js';

describe('dayIn', () => {
  it("is the calendar day in the location's own time zone", () => {
    const at = new Date('2026-12-07T23:30:00Z');
    expect(dayIn('Europe/Paris', at)).toBe('2026-12-08');
    expect(dayIn('America/New_York', at)).toBe('2026-12-07');
    expect(dayIn('Asia/Tokyo', new Date('2026-12-07T14:59:59Z'))).toBe('2026-12-07');
    expect(dayIn('Asia/Tokyo', new Date('2026-12-07T15:00:00Z'))).toBe('2026-12-08');
  });
});
