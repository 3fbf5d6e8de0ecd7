// The urql client: queries and mutations as POST /graphql (the API refuses batches and GET needs preflight
// headers), subscriptions over graphql-ws on the same path, the staff token and channel on both.
import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import type { Session } from '../auth/session';
import { setOffline } from './network-status';

export function createApiClient(session: Session | null, onSignedOut: () => void): Client {
  // STORE only with a staff token: the API refuses that channel to anyone else (403), sign-in included.
  const headers: Record<string, string> = session ? { authorization: `Bearer ${session.token}`, 'x-channel': 'STORE' } : {};
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = session
    ? createWsClient({
        url: wsUrl,
        connectionParams: headers,
        retryAttempts: Infinity,
        shouldRetry: () => true,
        on: {
          connected: () => setOffline(false),
          closed: (event) => {
            // 4403: the token was refused or the session ended (signed out elsewhere, deactivated).
            if ((event as CloseEvent).code === 4403) onSignedOut();
          },
        },
      })
    : null;
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers }),
    exchanges: [
      cacheExchange,
      mapExchange({
        onResult(result) {
          // Offline on a request that got no answer; online again only on an answer from the service (a
          // cached result proves nothing: the banner would flicker between the cache and the failed fetch).
          if (result.error?.networkError && !(result.error.response as Response | undefined)?.status) setOffline(true);
          else if (result.operation.context.meta?.cacheOutcome !== 'hit') setOffline(false);
          if (result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onSignedOut();
          return result;
        },
      }),
      fetchExchange,
      ...(ws
        ? [
            subscriptionExchange({
              forwardSubscription: (request) => ({
                subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
              }),
            }),
          ]
        : []),
    ],
  });
}
