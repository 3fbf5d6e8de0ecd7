import cluster from 'node:cluster';

const RESTART_DELAY_MS = 1000;

/**
 * The primary of `count` API processes sharing one port (node:cluster hands each new connection to the
 * next worker). SIGTERM or SIGINT is passed to every worker, which drains as a single process does; the
 * primary exits 0 once all have exited 0. A worker that dies on its own is replaced after a second.
 */
export function runApiWorkers(count: number, log: (msg: string) => void): void {
  const live = new Set<number>();
  let stopping = false;
  let failed = false;
  const fork = () => live.add(cluster.fork().id);
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker.id);
    if (stopping) {
      if (code !== 0 && signal !== 'SIGTERM') failed = true; // SIGTERM before its drain handler was set: a worker still starting
      if (live.size === 0) process.exit(failed ? 1 : 0);
      return;
    }
    log(`API worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(() => !stopping && fork(), RESTART_DELAY_MS).unref();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${live.size} API workers`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    if (live.size === 0) process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < count; i++) fork();
  log(`API: ${count} workers sharing one port, primary pid ${process.pid}`);
}
