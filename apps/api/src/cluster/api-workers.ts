import cluster from 'node:cluster';

/**
 * A larger young generation than V8's default (16 MB semi-spaces): a request's garbage then mostly dies
 * young instead of being copied and promoted. `npm start` passes the same flag to a single process; a
 * flag given on the command line wins. Measurements, and the heap-growth cap not taken:
 * docs/adr/0018-api-workers.md.
 */
export const SEMI_SPACE_FLAG = '--max-semi-space-size=32';
export const withV8Flags = (execArgv: string[]): string[] =>
  execArgv.some((a) => a.startsWith('--max-semi-space-size')) ? execArgv : [...execArgv, SEMI_SPACE_FLAG];

// A worker that dies before it listens, or sooner than this after, counts as a failed start (however slowly a busy machine boots it).
const QUICK_DEATH_MS = 10_000;
const MAX_QUICK_DEATHS = 5;

/**
 * The primary of `count` API processes sharing one port (node:cluster hands each new connection to the
 * next worker). SIGTERM or SIGINT is passed to every worker, which drains as a single process does; the
 * primary exits 0 once all have exited cleanly. A worker that dies on its own is replaced, after a delay
 * that doubles while workers keep dying at start (up to 30 s); after MAX_QUICK_DEATHS such deaths in a
 * row (a database that is down, a bad release) the primary stops them all and exits 1, so that a
 * supervisor sees the failure instead of a service with no workers.
 */
export function runApiWorkers(count: number, log: (msg: string) => void): void {
  const live = new Map<number, number | undefined>(); // worker id -> when it began to listen (undefined: still starting)
  let stopping = false;
  let failed = false;
  let quickDeaths = 0;
  cluster.setupPrimary({ execArgv: withV8Flags(process.execArgv) });
  const fork = () => live.set(cluster.fork().id, undefined);
  cluster.on('listening', (worker) => {
    if (live.has(worker.id) && live.get(worker.id) === undefined) live.set(worker.id, Date.now());
  });
  const stop = (signal: NodeJS.Signals, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    if (exitCode) failed = true;
    log(`${signal}: stopping ${live.size} API workers`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    if (live.size === 0) process.exit(failed ? 1 : 0);
  };
  cluster.on('exit', (worker, code, signal) => {
    const listenedAt = live.get(worker.id);
    live.delete(worker.id);
    if (stopping) {
      // Killed by the signal before its drain handler was set: a worker still starting, nothing in flight.
      if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGINT') failed = true;
      if (live.size === 0) process.exit(failed ? 1 : 0);
      return;
    }
    quickDeaths = listenedAt === undefined || Date.now() - listenedAt < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
    if (quickDeaths >= MAX_QUICK_DEATHS) {
      log(`API workers keep dying at start (${quickDeaths} in a row, last: ${signal ?? code}); giving up`);
      stop('SIGTERM', 1);
      return;
    }
    const delay = Math.min(30_000, 1000 * 2 ** quickDeaths);
    log(`API worker ${worker.process.pid} exited (${signal ?? code}); starting another in ${delay / 1000} s`);
    setTimeout(() => !stopping && fork(), delay); // not unref'd: with every worker gone, it is what keeps the primary up
  });
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  for (let i = 0; i < count; i++) fork();
  log(`API: ${count} workers sharing one port, primary pid ${process.pid}`);
}
