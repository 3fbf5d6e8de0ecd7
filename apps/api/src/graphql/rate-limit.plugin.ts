import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode, OperationTypeNode } from 'graphql';
import type { RequestContext } from '@app/auth';
import { type OperationClass, RateLimiter } from './rate-limiter.js';
import { countedByCache } from './response-cache/public-response-cache.js';

const CHECKOUTS = new Set(['checkout', 'assistedOrderCreate']);
const SIGN_INS = new Set(['login', 'staffLogin', 'register', 'passwordChange']); // limited per account and address by SignInThrottle

/** Which limit an operation counts against; null for what is not limited here. */
export function operationClass(op: OperationDefinitionNode): OperationClass | null {
  if (op.operation === OperationTypeNode.QUERY) return 'read';
  if (op.operation !== OperationTypeNode.MUTATION) return null;
  const fields = op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  if (fields.some((f) => CHECKOUTS.has(f))) return 'checkout';
  if (fields.length && fields.every((f) => SIGN_INS.has(f))) return null;
  return 'write';
}

/** Applies the RateLimiter to every operation once it is known. Past the limit: HTTP 429, RATE_LIMITED, Retry-After. */
export function rateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      if (!limiter.enabled) return {};
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return;
          const cls = operationClass(operation);
          if (!cls) return;
          // The response cache counted this request already (it was over the limit, so it let it through to be refused here).
          const counted = countedByCache(contextValue.req);
          const refusal = counted !== undefined ? counted : await limiter.count(cls, contextValue.caller, contextValue.req?.ip);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
