import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiProcess, startApiProcess } from './support/api-process.js';
import { testDatabaseUrl, usingRealPostgres } from './support/test-database.js';

const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

/** A request on a connection of its own, so node:cluster hands it to the next worker. */
const typename = (url: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ __typename }' }));
  });

/**
 * API_WORKERS=2: one port served by two processes (node:cluster), as the bench runs it. Several processes
 * need the real PostgreSQL and Redis (PGlite and the in-process Redis serve one), so skipped without them.
 */
const real = usingRealPostgres() && Boolean(process.env.REDIS_URL);
(real ? describe : describe.skip)(
  'API_WORKERS: several API processes on one port (needs DATABASE_URL and REDIS_URL; skipped without them)',
  () => {
    let api: ApiProcess;

    beforeAll(async () => {
      api = await startApiProcess((await testDatabaseUrl())!, { API_WORKERS: '2' });
    }, 60_000);
    const spawned: ChildProcess[] = [];
    afterAll(async () => {
      await api?.stop();
      for (const p of spawned) if (p.exitCode === null) p.kill('SIGTERM'); // a failed or timed-out test leaves no primary forking workers
    });

    it('forks two workers that answer on the one port, replaces a worker that dies, and drains all on SIGTERM', async () => {
      const primary = api.child.pid!;
      const workers = childrenOf(primary);
      expect(workers).toHaveLength(2);
      for (const w of workers) expect(readFileSync(`/proc/${w}/cmdline`, 'utf8').split('\0')).toContain('--max-semi-space-size=32');
      const statuses = await Promise.all(Array.from({ length: 6 }, () => typename(api.url)));
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);

      process.kill(workers[0], 'SIGKILL');
      let now = childrenOf(primary);
      for (let i = 0; i < 300 && !(now.length === 2 && !now.includes(workers[0])); i++) {
        await new Promise((r) => setTimeout(r, 100));
        now = childrenOf(primary);
      }
      expect(now).toHaveLength(2);
      expect(now).not.toContain(workers[0]);
      for (let i = 0; i < 300 && (await typename(api.url).catch(() => 0)) !== 200; i++) await new Promise((r) => setTimeout(r, 100));

      const exit = new Promise<number | null>((r) => api.child.once('exit', (code) => r(code)));
      api.child.kill('SIGTERM');
      expect(await exit).toBe(0);
    }, 60_000);

    it('gives up with exit code 1 when workers keep dying at start (here: their port is taken)', async () => {
      const taken = createServer().listen(0, '127.0.0.1');
      await new Promise((r) => taken.once('listening', r));
      try {
        const primary = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
          env: {
            PATH: process.env.PATH,
            NODE_ENV: 'test',
            PORT: String((taken.address() as { port: number }).port),
            DATABASE_URL: (await testDatabaseUrl())!,
            REDIS_URL: process.env.REDIS_URL!,
            API_WORKERS: '2',
            LOG_LEVEL: 'silent',
            SEED_DEMO_DATA: 'false',
          },
          stdio: 'ignore',
        });
        spawned.push(primary);
        expect(await new Promise<number | null>((r) => primary.once('exit', (c) => r(c)))).toBe(1);
      } finally {
        taken.close();
      }
    }, 90_000);
  },
);
