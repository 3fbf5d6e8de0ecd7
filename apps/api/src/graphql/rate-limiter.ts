import { Injectable, Logger } from '@nestjs/common';
import type { GraphQLError } from 'graphql';
import type { Caller } from '@app/auth';
import { errorMessage, rateLimited, RedisService } from '@app/common';
import { AppConfig } from '@app/config';

export type OperationClass = 'read' | 'write' | 'checkout';

/**
 * Per-client limits by operation class, a fixed one-minute window counted in Redis (shared by every
 * process). A client is its account when signed in, else its address. Used by the GraphQL plugin and
 * by the response cache, so an answer from memory counts like any other. If Redis is unreachable the
 * operation goes through.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimit');
  private readonly limits: Record<OperationClass, number>;
  readonly enabled: boolean;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.limits = {
      read: config.get('RATE_LIMIT_READS_PER_MINUTE'),
      write: config.get('RATE_LIMIT_WRITES_PER_MINUTE'),
      checkout: config.get('RATE_LIMIT_CHECKOUTS_PER_MINUTE'),
    };
    this.enabled = !config.get('RATE_LIMIT_DISABLED');
  }

  /** Counts one operation; the RATE_LIMITED error (HTTP 429, Retry-After) when the client is past its limit. */
  async count(cls: OperationClass, caller: Caller, ip: string | undefined): Promise<GraphQLError | null> {
    if (!this.enabled) return null;
    const who =
      caller.kind === 'staff'
        ? `staff:${caller.staffId}`
        : caller.kind === 'customer'
          ? `customer:${caller.customerId}`
          : `ip:${ip ?? 'unknown'}`;
    let hit: { count: number; msLeft: number };
    try {
      hit = await this.redis.hit(`rate:${cls}:${who}`, 60_000);
    } catch (err) {
      this.logger.warn(`rate limit not applied: ${errorMessage(err)}`);
      return null;
    }
    if (hit.count <= this.limits[cls]) return null;
    return rateLimited(`Too many ${cls === 'read' ? 'queries' : cls === 'checkout' ? 'checkouts' : 'changes'}`, hit.msLeft / 1000);
  }
}
