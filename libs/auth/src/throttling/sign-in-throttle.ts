import { Injectable, Logger } from '@nestjs/common';
import { Clock, errorMessage, rateLimited, RedisService } from '@app/common';
import { AppConfig } from '@app/config';

/**
 * Slows password guessing without locking the owner out. Per account: after LOGIN_FAILURES_BEFORE_DELAY
 * wrong passwords, each further failure makes the next attempt wait (1 s, doubling up to
 * LOGIN_MAX_DELAY_SECONDS); once the wait is over any attempt is judged, so the right password passes
 * and clears the count. Per client address: a fixed window of attempts, whichever accounts they name.
 * Counted in Redis so every process shares them; if Redis fails the attempt goes through (a guard rail,
 * not a record).
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger(SignInThrottle.name);
  private readonly windowMs: number;

  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.windowMs = config.get('LOGIN_RATE_LIMIT_WINDOW_SECONDS') * 1000;
  }

  /** Before a password is checked: RATE_LIMITED (HTTP 429, Retry-After) while the account must wait or the address tried too often. */
  async admit(account: string | null, address: string | undefined): Promise<void> {
    let waitMs = 0;
    try {
      const byAddress = await this.redis.hit(`throttle:login:ip:${address ?? 'unknown'}`, this.windowMs);
      if (byAddress.count > this.config.get('LOGIN_RATE_LIMIT_PER_IP')) waitMs = byAddress.msLeft;
      const until = account ? Number(await this.redis.get(waitKey(account))) : 0;
      waitMs = Math.max(waitMs, until - this.clock.now());
    } catch (err) {
      this.logger.warn(`sign-in rate limit not applied: ${errorMessage(err)}`);
      return;
    }
    if (waitMs > 0) throw rateLimited('Too many sign-in attempts', waitMs / 1000);
  }

  /** A wrong password for `account`: past the free attempts, the next one waits twice as long as the last. */
  async failed(account: string): Promise<void> {
    try {
      const failures = await this.redis.incr(`throttle:login:failures:${account}`, this.windowMs);
      const beyond = failures - this.config.get('LOGIN_FAILURES_BEFORE_DELAY');
      if (beyond < 0) return;
      const delayMs = Math.min(this.config.get('LOGIN_MAX_DELAY_SECONDS'), 2 ** Math.min(beyond, 20)) * 1000;
      await this.redis.set(waitKey(account), String(this.clock.now() + delayMs), delayMs);
    } catch (err) {
      this.logger.warn(`sign-in failure not counted: ${errorMessage(err)}`);
    }
  }

  async succeeded(account: string): Promise<void> {
    await this.redis.del(`throttle:login:failures:${account}`, waitKey(account)).catch(() => undefined);
  }
}

const waitKey = (account: string) => `throttle:login:wait:${account}`;
