// Starting and stopping the built API (node dist/apps/api/src/main.js) and the bare node:http baseline.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const tail = (file, lines = 30) => {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
};

/** A child process with its pid, port and a stop() that waits for it to exit. */
async function startChild(args, env, logFile, ready) {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  const exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`${args.join(' ')} exited (${exited.code ?? exited.signal}) before it was ready:\n${tail(logFile)}`);
    if (await ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} not ready after 120 s:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    pid: child.pid,
    logFile,
    async stop() {
      if (exited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}

/**
 * The API in production mode on its own database and Redis prefix. The rate-limit variables may not
 * exist yet; they are passed so that a later limiter does not throttle the bench.
 */
export async function startApi({
  databaseUrl,
  redisUrl,
  redisPrefix,
  admin,
  logFile,
  poolSize,
  nodeOptions,
  extraEnv = {},
  workers = 1,
  dist = 'dist',
}) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    JWT_SECRET: admin.jwtSecret,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    SEED_DEMO_DATA: 'false',
    // Card checkouts on the built-in sandbox, answering at once: the service's own cost of a payment.
    PAYMENT_PROVIDER: 'sandbox',
    PAYMENT_SANDBOX_IN_PRODUCTION: 'true',
    PAYMENT_SANDBOX_LATENCY_MS: '0',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_IP: '100000',
    RATE_LIMIT_DISABLED: 'true',
    API_WORKERS: String(workers),
    ...(poolSize ? { DATABASE_POOL_SIZE: String(poolSize) } : {}),
    ...extraEnv, // --server-env: experiments (RESPONSE_CACHE_MS=0 to time misses alone); a run that sets any says so in its header
  };
  const base = `http://127.0.0.1:${port}`;
  // On the command line rather than NODE_OPTIONS, which refuses some flags (--cpu-prof on Node 20).
  const nodeArgs = nodeOptions ? nodeOptions.split(/\s+/).filter(Boolean) : [];
  const server = await startChild(
    [...nodeArgs, `${dist}/apps/api/src/main.js`],
    env,
    logFile,
    async () => (await fetch(`${base}/health`)).ok,
  );
  return { ...server, port, url: `${base}/graphql` };
}

/** The baseline: a bare node:http server answering every request with the same bytes. */
export async function startBaseline(bodyFile, logFile) {
  const port = await freePort();
  const server = await startChild(
    [new URL('../baseline-server.mjs', import.meta.url).pathname, String(port), bodyFile],
    { PATH: process.env.PATH },
    logFile,
    async () => (await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).ok,
  );
  return { ...server, port, url: `http://127.0.0.1:${port}/graphql` };
}
