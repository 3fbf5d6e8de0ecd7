import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { type FormattedExecutionResult, Kind, type OperationDefinitionNode } from 'graphql';

/**
 * Root fields whose answers are the same for every caller and are asked again and again: catalogue pages
 * (first pages, popular searches, the next pages after them). Measured with npm run bench: product pages
 * by slug and storesNear around a point almost never repeat within the TTL, so caching them only cost
 * CPU (storesNear 1.63 ms per request without it, 2.27 ms with it); they are left out.
 */
const PUBLIC_ROOTS = new Set(['products', '__typename']);
const MAX_ENTRIES = 1_000; // a catalogue page is about 20 kB: at most ~20 MB

export function isPublicQuery(op: OperationDefinitionNode): boolean {
  return op.operation === 'query' && op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOTS.has(s.name.value));
}

/**
 * Answers a public query that this process answered less than `ttlMs` ago with the same answer: the same
 * document, operation and variables. Public means every root field is one whose result does not depend
 * on who asks. Errors are never cached. Rate limits still count the request (they run before this).
 * With the availability cache this bounds how old a stock count can be: RESPONSE_CACHE_MS +
 * AVAILABILITY_CACHE_MS (500 + 500 ms by default).
 */
export function publicResponseCachePlugin(ttlMs: number): ApolloServerPlugin {
  if (ttlMs <= 0) return {};
  const cache = new Map<string, { result: FormattedExecutionResult; expires: number }>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      let served = false;
      return {
        async responseForOperation({ operation, request }): Promise<GraphQLResponse | null> {
          if (!isPublicQuery(operation)) return null;
          key = JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}]);
          const hit = cache.get(key);
          if (!hit) return null;
          if (hit.expires <= Date.now()) {
            cache.delete(key);
            return null;
          }
          served = true;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: hit.result } };
        },
        async willSendResponse({ response }) {
          if (!key || served || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          const now = Date.now();
          // One TTL for all: insertion order is expiry order, so expired entries are at the head.
          for (const [k, v] of cache) {
            if (v.expires > now && cache.size < MAX_ENTRIES) break;
            cache.delete(k);
          }
          cache.set(key, { result: response.body.singleResult, expires: now + ttlMs });
        },
      };
    },
  };
}
