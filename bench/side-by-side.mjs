#!/usr/bin/env node
// Two server builds under the same read load at the same moment: on a shared VM whose speed moves 30%
// from one minute to the next, runs of A then B compare the moments as much as the builds. Here both
// servers run at once, each with its own load generator, so whatever the machine does it does to both.
//
//   node bench/side-by-side.mjs DATABASE_URL --a dist-old --b dist [--scenarios 1,3] [--rounds 3]
//     [--duration 10] [--warmup 2] [--connections 25] [--workers 1] [--redis-url URL]
//     [--a-node-options '...'] [--b-node-options '...'] [--a-env NAME=VALUE]... [--b-env NAME=VALUE]...
//
// The same build on both sides with other flags or settings measures a flag or a setting: e.g.
// --a dist --b dist --b-node-options '' (without the 32 MB semi-spaces), or --b-env GRAPHQL_COMPILED_QUERIES=false.
//
// DATABASE_URL: a seeded database (see bench/README.md, bench_dev). Prints, per round and in total, each
// build's requests/s, p99 and server CPU per request (the processes of each server, from /proc). The
// PostgreSQL backends are shared and not split between them. Reads only: the catalogue, product page
// and storesNear scenarios of bench/run.mjs, with their own request mixes.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as db from './lib/database.mjs';
import { ProcessWatch } from './lib/proc.mjs';
import { deleteRedisKeys } from './lib/redis.mjs';
import * as scenario from './lib/scenarios.mjs';
import { startApi } from './lib/server.mjs';

const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: 'dist' },
    scenarios: { type: 'string', default: '1,3' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '25' },
    workers: { type: 'string', default: '1' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'a-node-options': { type: 'string', default: '--max-semi-space-size=32' }, // as npm start runs one process
    'b-node-options': { type: 'string', default: '--max-semi-space-size=32' },
    'a-env': { type: 'string', multiple: true, default: [] },
    'b-env': { type: 'string', multiple: true, default: [] },
  },
});
const databaseUrl = positionals[0];
if (!databaseUrl || !o.a) {
  console.error(
    'usage: node bench/side-by-side.mjs DATABASE_URL --a DIST_DIR --b DIST_DIR ' +
      '[--scenarios 1,3] [--rounds 3] [--duration 10] [--connections 25] [--workers 1]',
  );
  process.exit(2);
}
const READS = { 1: ['catalogue', scenario.catalogue], 2: ['product page', scenario.productPage], 3: ['storesNear', scenario.storesNear] };
const chosen = o.scenarios.split(',').map(
  (n) =>
    READS[n.trim()] ??
    (() => {
      throw new Error(`--scenarios: only 1, 2 and 3 (reads); got ${n}`);
    })(),
);
const opts = { connections: Number(o.connections), duration: Number(o.duration), warmup: Number(o.warmup) };
const runId = randomBytes(4).toString('hex');
const builds = [o.a, o.b];

const admin = {
  email: `side-by-side-${runId}@example.com`,
  password: randomBytes(12).toString('hex'),
  jwtSecret: randomBytes(32).toString('hex'),
};
const apis = [];
try {
  for (const [i, dist] of builds.entries()) {
    apis.push(
      await startApi({
        databaseUrl,
        redisUrl: o['redis-url'],
        redisPrefix: `bench:sbs:${runId}:${i}:`,
        admin,
        dist,
        workers: Number(o.workers),
        logFile: `/tmp/side-by-side-${runId}-${i}.log`,
        nodeOptions: o[`${'ab'[i]}-node-options`],
        extraEnv: Object.fromEntries(o[`${'ab'[i]}-env`].map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
      }),
    );
  }
  const inputs = await db.sampleInputs(databaseUrl, { checkouts: 0 });
  const envs = apis.map((api) => ({ opts, api, inputs, watch: () => new ProcessWatch(api.pid, async () => []) }));
  const totals = new Map(); // scenario -> [{ cpuMs, requests }] per build
  for (const side of ['a', 'b']) {
    console.log(`${side.toUpperCase()}: node ${o[`${side}-node-options`] || '(no flags)'}${o[`${side}-env`].map((e) => ` ${e}`).join('')}`);
  }
  console.log(`A = ${o.a}, B = ${o.b}; ${opts.connections} connections each, ${opts.duration} s rounds, API_WORKERS=${o.workers}`);
  for (let round = 1; round <= Number(o.rounds); round++) {
    for (const [name, run] of chosen) {
      // Alternate which one starts first, in case starting first is worth something.
      const order = round % 2 ? [0, 1] : [1, 0];
      const results = [];
      await Promise.all(
        order.map(async (i) => {
          results[i] = (await run(envs[i])).metrics;
        }),
      );
      const t = totals.get(name) ?? builds.map(() => ({ cpuMs: 0, requests: 0 }));
      results.forEach((m, i) => {
        t[i].cpuMs += m.serverCpuMs;
        t[i].requests += m.requests;
      });
      totals.set(name, t);
      const cells = results.map(
        (m, i) =>
          `${'AB'[i]} ${m.rps} req/s, p99 ${m.p99} ms, ${(m.serverCpuMs / m.requests).toFixed(3)} ms CPU/req` +
          (m.non2xx || m.graphqlErrors ? `, ${m.non2xx} non-2xx, ${m.graphqlErrors} errors` : ''),
      );
      console.log(`round ${round} ${name}: ${cells.join(' | ')}`);
    }
  }
  for (const [name, t] of totals) {
    const per = t.map((x) => x.cpuMs / x.requests);
    console.log(
      `${name}, all rounds: A ${per[0].toFixed(3)} ms CPU/req (${t[0].requests} req), ` +
        `B ${per[1].toFixed(3)} (${t[1].requests} req): B/A ${(per[1] / per[0]).toFixed(3)}`,
    );
  }
} finally {
  await Promise.all(apis.map((a) => a.stop()));
  await deleteRedisKeys(o['redis-url'], `bench:sbs:${runId}:`);
}
