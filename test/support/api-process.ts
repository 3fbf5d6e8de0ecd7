import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { ADMIN, type AnyJson } from './test-app.js';

/** A real API process (the built `dist/`), as production runs it, on a free loopback port. */
export interface ApiProcess {
  url: string;
  child: ChildProcess;
  gql<T = AnyJson>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string; channel?: string },
  ): Promise<{ data: T; errors?: { extensions?: { code?: string } }[] }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * `count` consecutive free ports (a cluster gives its API processes PORT, PORT+1, …), drawn from below the
 * kernel's ephemeral range: a port another test's listen(0) takes at the same moment is always above it, so
 * the block cannot be taken between this check and the cluster's listen (it was, once: EADDRINUSE on PORT+1).
 */
export async function freePortBlock(count: number): Promise<number> {
  const bindable = (port: number) =>
    new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, () => s.close(() => resolve(true))); // every address, as the service listens
    });
  for (let attempt = 0; attempt < 100; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 10000);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => bindable(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports between 20000 and 30000`);
}

/** The environment of a service process a test spawns: its own Redis key prefix, the test admin, no demo data. */
export function testProcessEnv(port: number, databaseUrl: string): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? '',
    REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    PASSWORD_HASH_COST: '12',
    RATE_LIMIT_DISABLED: 'true',
  };
}

/** Starts `node dist/apps/api/src/main.js` against a database and waits for /health. */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...testProcessEnv(port, databaseUrl), DATABASE_POOL_SIZE: '10', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`API process exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 600) throw new Error(`API process did not answer /health in 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    async gql(query, variables = {}, opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.channel) headers['x-channel'] = opts.channel;
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return res.json() as Promise<AnyJson>;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}
