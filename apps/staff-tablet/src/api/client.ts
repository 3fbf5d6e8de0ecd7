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
          // Offline on a request that got no answer. Online again only on a real answer from the service,
          // while the browser says it is online: a cached result, or the error of a socket closing, proves
          // nothing (the banner flickered between them and the failed fetches).
          const status = (result.error?.response as Response | undefined)?.status;
          const lost = Boolean(result.error?.networkError) && !status;
          const answered = result.error ? !lost : Boolean(result.data);
          if (lost) setOffline(true);
          else if (answered && navigator.onLine && result.operation.context.meta?.cacheOutcome !== 'hit') setOffline(false);
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
