import { describe, expect, it } from '@jest/globals';
import type { OpeningHoursSlot } from '../entities/location.entity.js';
import { nextOpenAt, readyWithinHours, zonedInstant } from './opening-hours.js';

const week = (days: string[], opens: string, closes: string): OpeningHoursSlot[] => days.map((day) => ({ day, opens, closes }));
const MON_SAT = week(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], '10:00', '19:00');
const EVERY_DAY = week(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], '10:00', '19:00');
const iso = (d: Date | null) => d?.toISOString();
const H = 3600_000;

describe('opening hours', () => {
  // 2026-12-09 is a Wednesday; Paris is UTC+1 in December.
  it('an instant while open is itself', () => {
    expect(iso(nextOpenAt(new Date('2026-12-09T11:00:00Z'), MON_SAT, 'Europe/Paris'))).toBe('2026-12-09T11:00:00.000Z');
  });

  it('before opening waits for the opening', () => {
    expect(iso(nextOpenAt(new Date('2026-12-09T06:00:00Z'), MON_SAT, 'Europe/Paris'))).toBe('2026-12-09T09:00:00.000Z');
  });

  it('work that ends after closing is ready at the next opening; closing time itself is closed', () => {
    // 18:30 Paris + 2 h = 20:30: closed, Thursday 10:00 Paris.
    expect(iso(readyWithinHours(new Date('2026-12-09T17:30:00Z'), 2 * H, MON_SAT, 'Europe/Paris'))).toBe('2026-12-10T09:00:00.000Z');
    expect(iso(nextOpenAt(new Date('2026-12-09T18:00:00Z'), MON_SAT, 'Europe/Paris'))).toBe('2026-12-10T09:00:00.000Z');
    expect(iso(readyWithinHours(new Date('2026-12-09T15:00:00Z'), 2 * H, MON_SAT, 'Europe/Paris'))).toBe('2026-12-09T17:00:00.000Z');
  });

  it('skips a closed day: Saturday evening is promised on Monday', () => {
    expect(iso(readyWithinHours(new Date('2026-12-12T17:00:00Z'), 2 * H, MON_SAT, 'Europe/Paris'))).toBe('2026-12-14T09:00:00.000Z');
    // A store open on Wednesdays only promises next week.
    expect(iso(nextOpenAt(new Date('2026-12-09T20:00:00Z'), week(['WED'], '10:00', '19:00'), 'Europe/Paris'))).toBe(
      '2026-12-16T09:00:00.000Z',
    );
  });

  it("reads the hours in the store's own time zone, not the server's", () => {
    // 09:00 in New York (UTC-5 in December): opens at 10:00 New York, 15:00 UTC.
    expect(iso(nextOpenAt(new Date('2026-12-09T14:00:00Z'), MON_SAT, 'America/New_York'))).toBe('2026-12-09T15:00:00.000Z');
    // Already Thursday 08:00 in Tokyo (UTC+9): opens at 10:00 Tokyo, 01:00 UTC.
    expect(iso(nextOpenAt(new Date('2026-12-09T23:00:00Z'), MON_SAT, 'Asia/Tokyo'))).toBe('2026-12-10T01:00:00.000Z');
  });

  it('keeps the local opening time across a daylight-saving change', () => {
    // New York springs forward on Sunday 2026-03-08: Saturday 20:00 EST, next opening Sunday 10:00 EDT (14:00 UTC, not 15:00).
    expect(iso(nextOpenAt(new Date('2026-03-08T01:00:00Z'), EVERY_DAY, 'America/New_York'))).toBe('2026-03-08T14:00:00.000Z');
    // Paris goes back on Sunday 2026-10-25: Saturday 19:30 CEST, Sunday 10:00 CET is 09:00 UTC.
    expect(iso(nextOpenAt(new Date('2026-10-24T17:30:00Z'), EVERY_DAY, 'Europe/Paris'))).toBe('2026-10-25T09:00:00.000Z');
    // 24 h of transfer across the change are 24 real hours: Saturday 12:00 EST + 24 h = Sunday 13:00 EDT, open.
    expect(iso(readyWithinHours(new Date('2026-03-07T17:00:00Z'), 24 * H, EVERY_DAY, 'America/New_York'))).toBe('2026-03-08T17:00:00.000Z');
  });

  it('a wall-clock time skipped or repeated by the change is its compatible instant', () => {
    // 02:30 does not happen in Paris on 2026-03-29: moved on by the hour (03:30 CEST, 01:30 UTC).
    expect(new Date(zonedInstant(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Paris')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 2026-10-25: the first (CEST, 00:30 UTC).
    expect(new Date(zonedInstant(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Paris')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('a slot past midnight is open after midnight; no hours means always open', () => {
    const late = week(['FRI'], '22:00', '02:00');
    // Saturday 01:00 Paris is still Friday's slot.
    expect(iso(nextOpenAt(new Date('2026-12-12T00:00:00Z'), late, 'Europe/Paris'))).toBe('2026-12-12T00:00:00.000Z');
    expect(iso(nextOpenAt(new Date('2026-12-12T01:30:00Z'), late, 'Europe/Paris'))).toBe('2026-12-18T21:00:00.000Z');
    expect(iso(nextOpenAt(new Date('2026-12-12T01:30:00Z'), [], 'Europe/Paris'))).toBe('2026-12-12T01:30:00.000Z');
  });
});
