#!/usr/bin/env node
// `npm run start:cluster`: two API processes and a worker on one machine, sharing one PostgreSQL and one
// Redis (DATABASE_URL and REDIS_URL must be set: PGlite and the in-process Redis serve one process only).
// The API processes listen on PORT and PORT+1 (default 3000, 3001) and leave background jobs to the worker.
// Put a load balancer in front, or talk to either. Ctrl-C or SIGTERM drains all three.
import { spawn } from 'node:child_process';

if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
  console.error('start:cluster needs DATABASE_URL and REDIS_URL (several processes must share one database and one Redis)');
  process.exit(2);
}
const base = Number(process.env.PORT ?? 3000);
const children = [
  ['api-1', 'dist/apps/api/src/main.js', { PORT: String(base), BACKGROUND_JOBS: 'false' }],
  ['api-2', 'dist/apps/api/src/main.js', { PORT: String(base + 1), BACKGROUND_JOBS: 'false' }],
  ['worker', 'dist/apps/worker/src/main.js', {}],
].map(([name, entry, env]) => {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: 'inherit' });
  console.log(`cluster: ${name} pid ${child.pid}${env.PORT ? ` port ${env.PORT}` : ''}`);
  child.on('exit', (code, signal) => console.log(`cluster: ${name} exited (${signal ?? code})`));
  return child;
});
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill(signal);
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGTERM'));
const codes = await Promise.all(children.map((c) => new Promise((r) => c.once('exit', (code) => r(code)))));
process.exit(stopping && codes.every((c) => c === 0) ? 0 : 1);
