import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { AnyJson } from './test-app.js';

export interface Subscription<T> {
  events: T[];
  errors: unknown[];
  /** Resolves with the first event that passes `test`, or rejects after `ms`. */
  next(test?: (e: T) => boolean, ms?: number): Promise<T>;
  /** Resolves with the errors once the server refused the subscription, or rejects after `ms`. */
  refused(ms?: number): Promise<unknown[]>;
  stop(): void;
}

/** A graphql-ws client, as the app and the tablet use it. */
export function wsClient(httpUrl: string, token?: string, channel?: string): Client & { closed: Promise<number> } {
  let closed!: (code: number) => void;
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws').replace(/\/?$/, '/graphql'),
    webSocketImpl: WebSocket,
    connectionParams: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(channel ? { 'x-channel': channel } : {}) },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined, // the test reads the close code instead
    on: { closed: (e) => closed((e as { code: number }).code) },
  });
  return Object.assign(client, { closed: new Promise<number>((r) => (closed = r)) });
}

export function subscribe<T = AnyJson>(client: Client, query: string, variables: Record<string, unknown>): Subscription<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (m) => {
        if (m.errors) errors.push(...m.errors);
        else events.push(m.data as T);
        waiters.splice(0).forEach((w) => w());
      },
      error: (e) => {
        errors.push(e);
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => undefined,
    },
  );
  const until = async <R>(found: () => R | undefined, ms: number, what: string): Promise<R> => {
    const end = Date.now() + ms;
    for (;;) {
      const hit = found();
      if (hit !== undefined) return hit;
      const left = end - Date.now();
      if (left <= 0) throw new Error(`${what} within ${ms} ms; got ${JSON.stringify({ events, errors })}`);
      await new Promise<void>((r) => {
        const timer = setTimeout(r, left);
        waiters.push(() => {
          clearTimeout(timer);
          r();
        });
      });
    }
  };
  return {
    events,
    errors,
    stop,
    refused: (ms = 10_000) => until(() => (errors.length ? errors : undefined), ms, 'no refusal'),
    async next(test = () => true, ms = 3000) {
      const end = Date.now() + ms;
      for (;;) {
        const hit = events.find(test);
        if (hit) return hit;
        if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        const left = end - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((r) => {
          const timer = setTimeout(r, left);
          waiters.push(() => {
            clearTimeout(timer);
            r();
          });
        });
      }
    },
  };
}

export type FirstAnswer =
  | { kind: 'errors'; errors: { message: string; extensions?: { code?: string; [k: string]: unknown } }[] }
  | { kind: 'data'; data: unknown; errors?: { message: string; extensions?: { code?: string } }[] }
  | { kind: 'closed'; code: number }
  | { kind: 'complete' }
  | { kind: 'waiting' };

/**
 * Sends one operation over a graphql-ws client and reports the first thing the server answers: an error
 * message, a result, the socket closing, or nothing within `ms` (a subscription waiting for its events).
 * The operation is completed afterwards, so it holds no subscription.
 */
export function firstAnswer(client: Client, query: string, variables: Record<string, unknown> = {}, ms = 1000): Promise<FirstAnswer> {
  return new Promise((resolve) => {
    let done = false;
    let stop: () => void = () => undefined;
    const finish = (a: FirstAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop();
      resolve(a);
    };
    const timer = setTimeout(() => finish({ kind: 'waiting' }), ms);
    stop = client.subscribe(
      { query, variables },
      {
        next: (m) =>
          finish(
            m.data === undefined || m.data === null
              ? { kind: 'errors', errors: (m.errors ?? []) as never }
              : { kind: 'data', data: m.data, errors: m.errors as never },
          ),
        error: (e) =>
          finish(Array.isArray(e) ? { kind: 'errors', errors: e } : { kind: 'closed', code: (e as { code?: number }).code ?? -1 }),
        complete: () => finish({ kind: 'complete' }),
      },
    );
  });
}
