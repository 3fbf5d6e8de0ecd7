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

  /** Now as a Date. */
  date(): Date {
    return new Date(this.now());
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
