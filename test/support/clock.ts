import { jest } from '@jest/globals';
import { Clock } from '@app/common';

export interface MovableClock {
  /** Moves the app's time forward by `ms` (what a test would otherwise sleep for). */
  advance(ms: number): void;
  /** Back to the real time. */
  restore(): void;
}

/**
 * Takes over the Clock of a running app or testing module (anything with `get`): its time is the real
 * time plus what the test advanced. Only the service's rules move (sign-in waits, session and Redis
 * stand-in expiry, pickup holds); timers, sockets and the database keep running on real time, so nothing
 * else in the app stalls the way it would under fake timers for everything.
 */
export function moveClock(app: { get<T>(type: new (...args: never[]) => T, opts?: { strict: boolean }): T }): MovableClock {
  const clock = app.get(Clock, { strict: false });
  let offset = 0;
  const real = Date.now;
  const spy = jest.spyOn(clock, 'now').mockImplementation(() => real() + offset);
  return {
    advance: (ms) => void (offset += ms),
    restore: () => spy.mockRestore(),
  };
}
