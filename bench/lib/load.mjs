// One timed run of autocannon against a GraphQL endpoint, with the server's CPU and memory watched.
import autocannon from 'autocannon';

/**
 * Drives `url` with `connections` keep-alive connections for `duration` seconds (or `amount` requests).
 * `next(context)` returns the next request's `{ query, variables }`; `onBody(status, body, context)`
 * sees every response (context is per request: set in next, read in onBody).
 */
export async function drive({ url, connections, duration, amount, timeout = 30, token, next, onBody, watch }) {
  let graphqlErrors = 0;
  let firstError;
  const cache = {}; // x-cache of the server's response cache: hit, shared, miss
  const cacheLatency = {}; // ms from building a request to its answer, by x-cache (one request in flight per connection)
  let lastAnswerAt = 0;
  const opts = {
    url,
    connections,
    ...(amount ? { amount } : { duration }),
    timeout,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requests: [
      {
        setupRequest(req, context) {
          context.sentAt = performance.now();
          return { ...req, body: JSON.stringify(next(context)) };
        },
        onResponse(status, body, context, headers) {
          lastAnswerAt = performance.now();
          const xc = headers?.['x-cache'];
          if (xc) {
            cache[xc] = (cache[xc] ?? 0) + 1;
            (cacheLatency[xc] ??= []).push(lastAnswerAt - context.sentAt);
          }
          if (status === 200 && body.includes('"errors":[')) {
            graphqlErrors++;
            firstError ??= body.slice(0, 300);
          } else if (status !== 200) {
            firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
          }
          onBody?.(status, body, context);
        },
      },
    ],
  };
  await watch?.start();
  const started = performance.now();
  const result = await autocannon(opts);
  const wallMs = performance.now() - started;
  const proc = (await watch?.stop()) ?? {};
  const requests = result.requests.total;
  // autocannon notices that `amount` requests are done on its 1 s tick, so its end is up to a second late:
  // a counted run lasts until its last answer.
  const answeredMs = lastAnswerAt ? lastAnswerAt - started : wallMs;
  const seconds = amount ? answeredMs / 1000 : result.duration;
  return {
    connections,
    seconds: Math.round(seconds * 10) / 10,
    answeredMs: Math.round(answeredMs),
    requests,
    rps: Math.round(requests / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    firstError,
    ...(Object.keys(cache).length ? { cache, cacheLatency: percentiles(cacheLatency) } : {}),
    ...proc,
  };
}

/** p50 and p99 (ms, nearest rank) of each list of latencies. */
function percentiles(lists) {
  const at = (sorted, q) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
  return Object.fromEntries(
    Object.entries(lists).map(([k, v]) => {
      const sorted = Float64Array.from(v).sort();
      return [k, { p50: at(sorted, 0.5), p99: at(sorted, 0.99) }];
    }),
  );
}

/** A warm-up run whose numbers are thrown away (JIT, connection pool, PostgreSQL caches). */
export async function warmUp(args, seconds) {
  if (seconds > 0) await drive({ ...args, duration: seconds, amount: undefined, watch: undefined });
}
