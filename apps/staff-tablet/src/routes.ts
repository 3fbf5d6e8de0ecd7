// Hash routes (#/pickups/123): the API serves one index.html at /staff/, no server-side routing needed.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'pickups' }
  | { name: 'pickup'; id: string }
  | { name: 'lookup' }
  | { name: 'order'; number: string }
  | { name: 'customer'; id: string }
  | { name: 'aisle' }
  | { name: 'returns' }
  | { name: 'stock' }
  | { name: 'transfers' }
  | { name: 'counts' }
  | { name: 'count'; id: string }
  | { name: 'day' };

export function parseRoute(hash: string): Route {
  const [name = '', param] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  switch (name) {
    case 'pickup':
      return param ? { name, id: param } : { name: 'pickups' };
    case 'order':
      return param ? { name, number: param } : { name: 'lookup' };
    case 'customer':
      return param ? { name, id: param } : { name: 'lookup' };
    case 'count':
      return param ? { name, id: param } : { name: 'counts' };
    case 'lookup':
    case 'aisle':
    case 'returns':
    case 'stock':
    case 'transfers':
    case 'counts':
    case 'day':
      return { name };
    default:
      return { name: 'pickups' };
  }
}

export const href = (...parts: string[]): string => `#/${parts.map(encodeURIComponent).join('/')}`;

export function useRoute(): Route {
  const hash = useSyncExternalStore(
    (l) => {
      window.addEventListener('hashchange', l);
      return () => window.removeEventListener('hashchange', l);
    },
    () => location.hash,
  );
  return parseRoute(hash);
}
