// useQuery whose re-run the offline banner's Retry can trigger, with its error as a code.
import { useEffect } from 'react';
import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import { errorCodeOf } from '../errors/error-messages';
import { onRetry } from './network-status';

export function useLiveQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  pause = false,
) {
  const [result, reexecute] = useQuery<Data, Variables>({ query, variables, pause });
  useEffect(() => onRetry(() => reexecute({ requestPolicy: 'network-only' })), [reexecute]);
  return { data: result.data, fetching: result.fetching, code: errorCodeOf(result.error), refetch: reexecute };
}
