import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '@app/auth';
import { ErrorCode, type RedisService } from '@app/common';
import type { AppConfig } from '@app/config';

type OperationClass = 'read' | 'write' | 'checkout';

const CHECKOUTS = new Set(['checkout', 'assistedOrderCreate']);
const SIGN_INS = new Set(['login', 'staffLogin', 'register']); // limited per email and address by LoginThrottleGuard

/** Which limit an operation counts against; null for what is not limited here. */
export function operationClass(op: OperationDefinitionNode): OperationClass | null {
  if (op.operation === 'query') return 'read';
  if (op.operation !== 'mutation') return null;
  const fields = op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  if (fields.some((f) => CHECKOUTS.has(f))) return 'checkout';
  if (fields.length && fields.every((f) => SIGN_INS.has(f))) return null;
  return 'write';
}

/**
 * Per-client limits by operation class, a fixed one-minute window counted in Redis (shared by every
 * process). A client is its account when signed in, else its address. Past the limit: HTTP 429,
 * RATE_LIMITED, Retry-After. If Redis is unreachable the operation goes through.
 */
export function rateLimitPlugin(redis: RedisService, config: AppConfig): ApolloServerPlugin<RequestContext> {
  const logger = new Logger('RateLimit');
  const limits: Record<OperationClass, number> = {
    read: config.get('RATE_LIMIT_READS_PER_MINUTE'),
    write: config.get('RATE_LIMIT_WRITES_PER_MINUTE'),
    checkout: config.get('RATE_LIMIT_CHECKOUTS_PER_MINUTE'),
  };
  const disabled = config.get('RATE_LIMIT_DISABLED');
  return {
    async requestDidStart() {
      if (disabled) return {};
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return;
          const cls = operationClass(operation);
          if (!cls) return;
          const c = contextValue.caller;
          const who = c.kind === 'staff' ? `staff:${c.staffId}` : c.kind === 'customer' ? `customer:${c.customerId}` : `ip:${contextValue.req?.ip ?? 'unknown'}`;
          let hit: { count: number; msLeft: number };
          try {
            hit = await redis.hit(`rate:${cls}:${who}`, 60_000);
          } catch (err) {
            logger.warn(`rate limit not applied: ${(err as Error).message}`);
            return;
          }
          if (hit.count <= limits[cls]) return;
          const retryAfter = Math.max(1, Math.ceil(hit.msLeft / 1000));
          throw new GraphQLError(`Too many ${cls === 'read' ? 'queries' : cls === 'checkout' ? 'checkouts' : 'changes'}; try again in ${retryAfter} s`, {
            extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } },
          });
        },
      };
    },
  };
}
