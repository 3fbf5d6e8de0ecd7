import type { OpeningHoursSlot } from '../entities/location.entity.js';

/**
 * When a store can hand something over, from its opening hours in its own IANA time zone: the Intl APIs
 * turn wall-clock times into instants, daylight-saving changes included (no time-zone library). Slots are
 * `{ day: MON…SUN, opens: HH:MM, closes: HH:MM }` in the store's time zone; a slot that closes at or
 * before it opens runs past midnight (22:00–02:00, or 00:00–00:00 for a whole day). A store without any
 * slot has no hours recorded and is taken as always open.
 */
const DAY_MS = 86_400_000;
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** Further than any daylight-saving shift: a slot that closed this long before (in wall-clock time) is past. */
const SHIFT_MS = 3 * 3600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at the instant `ms`, written as if it were UTC (epoch ms). */
function wallClock(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const millis = ((ms % 1000) + 1000) % 1000;
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second) + millis;
}

const offsetAt = (ms: number, timeZone: string): number => wallClock(ms, timeZone) - ms;

/**
 * The instant of a wall-clock time in `timeZone`. A time that happens twice (clocks go back) is its first
 * occurrence; one that never happens (clocks go forward) is moved on by the shift, as Temporal's
 * "compatible" disambiguation does.
 */
export function zonedInstant(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  if (before === after) return wall - before;
  const valid = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  return valid.length ? Math.min(...valid) : wall - before;
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * `instant` itself when the store is open then, else the next time it opens (closed days skipped); an
 * instant at closing time is closed. Null only when no slot can be read (never for validated hours).
 */
export function nextOpenAt(instant: Date | number, openingHours: readonly OpeningHoursSlot[], timeZone: string): Date | null {
  const at = typeof instant === 'number' ? instant : instant.getTime();
  if (!openingHours.length) return new Date(at);
  const local = wallClock(at, timeZone);
  const midnight = Math.floor(local / DAY_MS) * DAY_MS;
  const slots = [...openingHours].sort((a, b) => minutes(a.opens) - minutes(b.opens));
  // From yesterday (a slot past midnight may still be open) through a week ahead; slots in order of opening.
  for (let d = -1; d <= 8; d++) {
    const date = midnight + d * DAY_MS;
    const weekday = WEEKDAYS[new Date(date).getUTCDay()];
    for (const slot of slots) {
      if (slot.day !== weekday) continue;
      const opensWall = date + minutes(slot.opens) * 60_000;
      let closesWall = date + minutes(slot.closes) * 60_000;
      if (closesWall <= opensWall) closesWall += DAY_MS;
      if (closesWall < local - SHIFT_MS) continue; // long closed: no need to ask Intl
      const closes = zonedInstant(closesWall, timeZone);
      if (closes <= at) continue;
      return new Date(Math.max(zonedInstant(opensWall, timeZone), at));
    }
  }
  return null;
}

/**
 * When work of `durationMs` started at `start` can be handed over: its end if the store is open then,
 * else the store's next opening (the time runs around the clock; only the handover waits for the hours).
 */
export function readyWithinHours(
  start: Date | number,
  durationMs: number,
  openingHours: readonly OpeningHoursSlot[],
  timeZone: string,
): Date | null {
  return nextOpenAt((typeof start === 'number' ? start : start.getTime()) + durationMs, openingHours, timeZone);
}
