// npm run bench [-- options]: seeds a large data set into a fresh PostgreSQL database, starts the built
// API against it in production mode, drives it with autocannon scenario by scenario, and writes the
// results to bench/results/. See bench/README.md for the options and what each scenario measures.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as db from './lib/database.mjs';
import { GraphQLClient, validateAgainstContract } from './lib/graphql.mjs';
import * as op from './lib/operations.mjs';
import { ProcessWatch, settledRss } from './lib/proc.mjs';
import { deleteRedisKeys } from './lib/redis.mjs';
import * as report from './lib/report.mjs';
import * as scenario from './lib/scenarios.mjs';
import { startApi, startBaseline } from './lib/server.mjs';

const SCENARIOS = [
  { n: 1, id: 'catalogue', title: 'catalogue page: products(first: 20), pages and searches', run: scenario.catalogue, read: true },
  { n: 2, id: 'product-page', title: 'product page by slug', run: scenario.productPage, read: true },
  { n: 3, id: 'stores-near', title: 'storesNear, 50 km, random SKU', run: scenario.storesNear, read: true },
  { n: 4, id: 'cart-add', title: 'cartLinesAdd, 1 DELIVERY line', run: scenario.cartAdd },
  { n: 5, id: 'checkout', title: 'checkout, 1 PICKUP line, distinct stock', run: scenario.checkout },
  { n: 6, id: 'hot-item', title: 'hot item: concurrent checkouts of 1 unit', run: scenario.hotItem },
  { n: 7, id: 'baseline', title: 'baseline: node:http, same bytes as 1', run: scenario.baseline },
  { n: 8, id: 'browse', title: 'browse: products(first: 20) sorted and filtered by size, colour, price', run: scenario.browse, read: true },
];

const { values: o } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    products: { type: 'string', default: '10000' },
    locations: { type: 'string', default: '200' },
    sizes: { type: 'string', default: '5' },
    'small-products': { type: 'string', default: '1000' },
    small: { type: 'boolean', default: false },
    'no-compare': { type: 'boolean', default: false },
    'reuse-db': { type: 'string' },
    'reuse-small-db': { type: 'string' },
    keep: { type: 'boolean', default: false },
    scenarios: { type: 'string' },
    checkouts: { type: 'string', default: '1000' },
    'checkout-payment': { type: 'string', default: 'card' },
    'hot-carts': { type: 'string', default: '1000' },
    'hot-stock': { type: 'string', default: '50' },
    'cart-pool': { type: 'string', default: '3000' },
    'pool-size': { type: 'string' },
    settle: { type: 'string', default: '120' },
    workers: { type: 'string', default: '2' },
    'server-node-options': { type: 'string' },
    'server-env': { type: 'string', multiple: true },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
    out: { type: 'string', default: 'bench/results' },
    dist: { type: 'string', default: 'dist' },
    contract: { type: 'string', default: '../shared/acceptance/contract.graphql' },
    help: { type: 'boolean', default: false },
  },
});

if (o.help) {
  process.stdout.write(`npm run bench -- [--duration S] [--warmup S] [--connections N] [--products N --locations N --sizes N]
  [--small | --no-compare] [--small-products N] [--reuse-db NAME] [--reuse-small-db NAME] [--keep] [--scenarios 1,2,3]
  [--settle S] [--checkouts N] [--hot-carts N] [--hot-stock N] [--cart-pool N] [--pool-size N] [--workers N] \
[--server-node-options OPTS] [--server-env NAME=VALUE]… [--pg-url URL] [--redis-url URL] [--out DIR] [--dist DIR]
`);
  process.exit(0);
}

const int = (name) => {
  const n = Number(o[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got ${o[name]})`);
  return n;
};
const opts = {
  duration: int('duration'),
  warmup: int('warmup'),
  connections: int('connections'),
  settle: int('settle'),
  checkouts: int('checkouts'),
  // card: checkouts pay with the sandbox card (provider latency 0); none: as version 1 (builds before payments).
  checkoutPayment: o['checkout-payment'],
  hotCarts: int('hot-carts'),
  hotStock: int('hot-stock'),
  cartPool: int('cart-pool'),
  poolSize: o['pool-size'] ? int('pool-size') : undefined,
  serverNodeOptions: o['server-node-options'],
  serverEnv: Object.fromEntries(
    (o['server-env'] ?? []).map((kv) => {
      const at = kv.indexOf('=');
      if (at < 1) throw new Error(`--server-env ${kv}: expected NAME=VALUE`);
      return [kv.slice(0, at), kv.slice(at + 1)];
    }),
  ),
  workers: int('workers'),
  dist: o.dist,
};
const wanted = o.scenarios ? new Set(o.scenarios.split(',').map(Number)) : null;
const runId = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const log = (msg) => process.stdout.write(`[bench +${Math.round((performance.now() - started) / 1000)}s] ${msg}\n`);

const dataSets = o.small
  ? [{ label: 'small', products: int('small-products'), reuse: o['reuse-db'] ?? o['reuse-small-db'], scenarios: SCENARIOS }]
  : [
      { label: 'large', products: int('products'), reuse: o['reuse-db'], scenarios: SCENARIOS },
      ...(o['no-compare']
        ? []
        : [{ label: 'small', products: int('small-products'), reuse: o['reuse-small-db'], scenarios: SCENARIOS.filter((s) => s.read) }]),
    ];
for (const ds of dataSets) ds.scenarios = ds.scenarios.filter((s) => !wanted || wanted.has(s.n));

const created = [];
const children = new Set();
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    for (const c of children) await c.stop().catch(() => undefined);
    if (!o.keep) {
      for (const name of created) {
        await db.dropDatabase(o['pg-url'], name).then(
          () => log(`dropped database ${name}`),
          (err) => log(`could not drop ${name}: ${err.message}`),
        );
      }
    } else if (created.length) log(`kept database(s) ${created.join(', ')}: reuse with --reuse-db ${created[0]}`);
    await deleteRedisKeys(o['redis-url'], `bench:${runId}:`).catch((err) => log(`could not clear Redis keys: ${err.message}`));
    if (o.keep) log(`kept the server logs in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

async function prepare(ds) {
  if (ds.reuse) {
    if (!(await db.databaseExists(o['pg-url'], ds.reuse))) throw new Error(`--reuse-db: no database named ${ds.reuse}`);
    ds.database = ds.reuse;
    ds.reused = true;
    log(`${ds.label}: reusing database ${ds.reuse}`);
  } else {
    ds.database = `bench_${runId}_${ds.label}`;
    await db.createDatabase(o['pg-url'], ds.database);
    created.push(ds.database);
    const size = { products: ds.products, locations: int('locations'), sizes: int('sizes') };
    log(`${ds.label}: seeding ${ds.database} with ${size.products} products x ${size.sizes} sizes, ${size.locations} locations`);
    ds.seed = await db.seed(db.withDatabase(o['pg-url'], ds.database), size, join(work, `seed-${ds.label}.log`), opts.dist);
    log(`${ds.label}: seeded in ${ds.seed.seconds} s; VACUUM ANALYZE`);
    ds.vacuumSeconds = await db.vacuumAnalyze(db.withDatabase(o['pg-url'], ds.database));
  }
  ds.url = db.withDatabase(o['pg-url'], ds.database);
  ds.size = await db.dataSetSize(ds.url);
  log(`${ds.label}: ${JSON.stringify(ds.size)}`);
}

async function runDataSet(ds, results, shared) {
  // An admin of this run's own: on a reused database the bootstrap admin of an earlier run (another
  // password) would otherwise already hold the email, and the server creates it only when it is free.
  const admin = {
    email: `bench-admin-${runId}@example.com`,
    password: randomBytes(12).toString('hex'),
    jwtSecret: randomBytes(32).toString('hex'),
  };
  log(`${ds.label}: starting the API on ${ds.database}`);
  const api = await startApi({
    databaseUrl: ds.url,
    redisUrl: o['redis-url'],
    redisPrefix: `bench:${runId}:${ds.label}:`,
    admin,
    logFile: join(work, `api-${ds.label}.log`),
    poolSize: opts.poolSize,
    nodeOptions: opts.serverNodeOptions,
    extraEnv: opts.serverEnv,
    workers: opts.workers,
    dist: opts.dist,
  });
  children.add(api);
  const backendPids = db.backendPidsFn(ds.url);
  try {
    const client = new GraphQLClient(api.url);
    const login = await client.request(op.STAFF_LOGIN, { input: { email: admin.email, password: admin.password } });
    const token = login.data?.staffLogin?.token;
    if (!token) log(`${ds.label}: staffLogin failed (${JSON.stringify(login.errors ?? login.data)}); admin steps will fail`);
    const adminClient = client.withToken(token);
    const stores = (await adminClient.request(op.LOCATIONS)).data?.locations ?? [];
    const env = {
      runId,
      opts,
      api,
      client,
      admin: adminClient,
      storeIds: new Map(stores.filter((l) => l.pickupEnabled).map((l) => [l.code, l.id])),
      inputs: await db.sampleInputs(ds.url, { checkouts: opts.checkouts + Math.round(opts.checkouts / 5) }), // a fifth more to warm up with
      baselineBodyFile: ds.label === dataSets[0].label ? join(work, 'catalogue-page.json') : undefined,
      watch: (pid) => new ProcessWatch(pid ?? api.pid, pid ? async () => [] : backendPids),
    };
    for (const s of ds.scenarios.filter((x) => x.id !== 'baseline')) {
      log(`${ds.label}: ${s.n}. ${s.title}`);
      results.push(await runScenario(s, ds, env));
      if (s.id === 'catalogue' && env.baselineBodyFile) shared.baselineBodyFile = env.baselineBodyFile;
    }
    shared.inputs ??= env.inputs;
    if (opts.settle && ds.label === dataSets[0].label) {
      log(`${ds.label}: API RSS while idle for ${opts.settle} s after the run`);
      ds.settledRss = await settledRss(api.pid, opts.settle);
      log(`  ${JSON.stringify(ds.settledRss)}`);
    }
  } finally {
    await api.stop();
    children.delete(api);
    await backendPids.close();
  }
  const base = ds.scenarios.find((x) => x.id === 'baseline');
  if (base) {
    log(`${ds.label}: ${base.n}. ${base.title}`);
    let baselineServer;
    const env = { runId, opts, inputs: shared.inputs, watch: (pid) => new ProcessWatch(pid, async () => []) };
    try {
      if (shared.baselineBodyFile) {
        baselineServer = await startBaseline(shared.baselineBodyFile, join(work, 'baseline.log'));
        children.add(baselineServer);
        env.baseline = baselineServer;
        env.baselineBytes = (await import('node:fs')).statSync(shared.baselineBodyFile).size;
      }
      results.push(await runScenario(base, ds, env));
    } finally {
      if (baselineServer) {
        await baselineServer.stop();
        children.delete(baselineServer);
      }
    }
  }
}

async function runScenario(s, ds, env) {
  const row = { n: s.n, id: s.id, title: s.title, dataSet: ds.label };
  try {
    const r = await s.run(env);
    if (r.skipped) {
      log(`  skipped: ${r.skipped}`);
      return { ...row, skipped: r.skipped };
    }
    const m = r.metrics;
    log(
      `  ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.requests} requests, ` +
        `non-2xx ${m.non2xx}, GraphQL errors ${m.graphqlErrors}, ` +
        `server CPU ${m.serverCpuMs} ms, PG CPU ${m.pgCpuMs} ms, RSS peak ${m.serverRssPeakMiB} MiB ${JSON.stringify(r.notes)}` +
        (m.cache ? ` x-cache ${JSON.stringify(m.cache)}` : '') +
        (m.firstError ? `\n  first error: ${m.firstError}` : ''),
    );
    return { ...row, metrics: m, notes: r.notes };
  } catch (err) {
    // One scenario failing (a feature half-built, a setup step refused) must not cost the other results.
    log(`  failed: ${err.stack ?? err}`);
    return { ...row, skipped: `failed: ${err.message}` };
  }
}

async function main() {
  const out = {
    startedAt: new Date().toISOString(),
    runId,
    options: { ...opts, dataSets: dataSets.map((d) => ({ label: d.label, products: d.products, reuse: d.reuse })) },
    machine: report.machine(),
    postgres: { version: await db.serverVersion(o['pg-url']), settings: await db.serverSettings(o['pg-url']) },
    contractCheck: await validateAgainstContract(o.contract, op.CONTRACT_OPERATIONS),
    dataSets: [],
    scenarios: [],
  };
  if (out.contractCheck.problems?.length) log(`operations that do not fit the contract: ${out.contractCheck.problems.join('; ')}`);
  log(
    `machine: ${out.machine.nproc} cores, ${out.machine.memoryGiB} GiB, load ${out.machine.loadAverageAtStart.join(' ')}; ` +
      `PostgreSQL ${out.postgres.version}`,
  );
  try {
    // The seeds run side by side (each is one long INSERT … SELECT on one backend): nothing is timed yet.
    await Promise.all(dataSets.map(prepare));
    const shared = {};
    for (const ds of dataSets) await runDataSet(ds, out.scenarios, shared);
  } finally {
    out.dataSets = dataSets.map((d) => ({
      label: d.label,
      database: d.database,
      reused: Boolean(d.reused),
      size: d.size,
      seedSeconds: d.seed?.seconds,
      vacuumSeconds: d.vacuumSeconds,
      settledRss: d.settledRss,
    }));
    out.comparison = report.compare(out.scenarios);
    out.totalSeconds = (performance.now() - started) / 1000;
    out.machine.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
    out.machine.cpuProbeMsAtEnd = report.cpuProbeMs();
    await cleanup();
    if (out.scenarios.length) {
      const { md, files } = report.write(o.out, out);
      process.stdout.write(`\n${md}\n`);
      log(`written ${files.join(', ')}`);
    }
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
