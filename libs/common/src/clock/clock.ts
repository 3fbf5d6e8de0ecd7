import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one place the service reads the time of day for its rules (sign-in waits, session and Redis
 * stand-in expiry, pickup holds), so tests can move it instead of sleeping (test/support/clock.ts).
 */
@Injectable()
export class Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number {
    return Date.now();
  }

  /** How far this clock is from the system's (0 but in tests that move it), for SQL that reads the database's now(). */
  offsetMs(): number {
    return Math.round(this.now() - Date.now());
  }

  /** Now as a Date. */
  date(): Date {
    return new Date(this.now());
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
