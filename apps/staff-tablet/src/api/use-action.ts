// A change the member asks for (a mutation), with its refusal as one code: the payload's first userError,
// a thrown error's extensions.code, or NETWORK. A change lost to the network is kept with its exact
// variables (idempotency key included) and replayed by the offline banner's Retry.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { errorCodeOf } from '../errors/error-messages';
import { onRetry } from './network-status';

interface Payload {
  userErrors?: { code: string }[];
}

export interface ActionResult<Data> {
  data?: Data;
  code?: string;
}

export function useAction<Data extends object, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>) {
  const [state, execute] = useMutation<Data, Variables>(document);
  const [code, setCode] = useState<string>();
  const [done, setDone] = useState(false);
  const pending = useRef<(() => void) | null>(null);

  /** Runs the change; `then` gets the outcome, also the outcome of a replay after a network loss. */
  const run = useCallback(
    async (variables: Variables, then?: (result: ActionResult<Data>) => void): Promise<ActionResult<Data>> => {
      setDone(false);
      const result = await execute(variables);
      const errorCode = errorCodeOf(result.error);
      const payload = result.data ? (Object.values(result.data)[0] as Payload | null) : null;
      const refused = errorCode ?? payload?.userErrors?.[0]?.code;
      setCode(refused);
      setDone(!refused);
      pending.current = errorCode === 'NETWORK' ? () => void run(variables, then) : null;
      const outcome = { data: result.data, code: refused };
      then?.(outcome);
      return outcome;
    },
    [execute],
  );

  useEffect(
    () =>
      onRetry(() => {
        const replay = pending.current;
        pending.current = null;
        replay?.();
      }),
    [],
  );

  return { run, fetching: state.fetching, code, done, clear: () => setCode(undefined) };
}
