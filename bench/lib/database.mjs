// The bench's own PostgreSQL work: making and dropping its databases, seeding them with the project's
// bulk loader, and sampling inputs (slugs, SKUs, stock) for the scenarios.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import pg from 'pg';

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, application_name: 'bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

export const createDatabase = (serverUrl, name) => withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
export const dropDatabase = (serverUrl, name) =>
  withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
export const databaseExists = (serverUrl, name) =>
  withClient(serverUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

/** Runs the project's seed CLI (`node dist/apps/api/src/seed.js`: migrations, then the bulk loader). */
export function seed(databaseUrl, { products, locations, sizes }, logFile, dist = 'dist') {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const log = createWriteStream(logFile);
    const child = spawn(
      process.execPath,
      [`${dist}/apps/api/src/seed.js`, '--products', String(products), '--locations', String(locations), '--sizes', String(sizes)],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      log.write(d);
    });
    child.stderr.pipe(log);
    child.on('error', reject);
    child.on('exit', (code) => {
      log.end();
      if (code !== 0) return reject(new Error(`seed exited with ${code}; see ${logFile}`));
      const last = out.trim().split('\n').at(-1) ?? '{}';
      let result = {};
      try {
        result = JSON.parse(last);
      } catch {
        // the counts are informative only
      }
      resolve({ ...result, seconds: Math.round((performance.now() - started) / 100) / 10 });
    });
  });
}

/**
 * After a bulk load: VACUUM sets the visibility map (index-only scans) and ANALYZE the planner's
 * statistics, as autovacuum would do soon after in production; otherwise it would run during the
 * measurements.
 */
export async function vacuumAnalyze(databaseUrl) {
  const started = performance.now();
  await withClient(databaseUrl, async (c) => {
    await c.query('VACUUM (ANALYZE) location, product, product_variant, stock_level');
    await c.query('ANALYZE stock_movement');
  });
  return Math.round((performance.now() - started) / 100) / 10;
}

export async function dataSetSize(databaseUrl) {
  return withClient(databaseUrl, async (c) => {
    const {
      rows: [r],
    } = await c.query(`SELECT (SELECT count(*) FROM product)::int AS products, (SELECT count(*) FROM product_variant)::int AS variants,
      (SELECT count(*) FROM location)::int AS locations, (SELECT count(*) FROM stock_level)::int AS "stockLevels",
      pg_size_pretty(pg_database_size(current_database())) AS size`);
    return r;
  });
}

/** Random inputs for the scenarios, drawn from what was seeded. */
export async function sampleInputs(databaseUrl, { checkouts }) {
  return withClient(databaseUrl, async (c) => {
    const slugs = (await c.query('SELECT slug FROM product ORDER BY random() LIMIT 5000')).rows.map((r) => r.slug);
    const skus = (await c.query('SELECT sku FROM product_variant ORDER BY random() LIMIT 5000')).rows.map((r) => r.sku);
    const names = (await c.query('SELECT DISTINCT name FROM product LIMIT 5000')).rows.map((r) => r.name);
    const words = [...new Set(names.flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3))];
    // Distinct (variant, pickup store) pairs with stock, for the checkout scenario: one pair per variant, so
    // no two checkouts compete for a row and each measures the uncontended path.
    const { rows: pickups } = await c.query(
      `SELECT DISTINCT ON (v.id) v.sku, l.code AS "locationCode"
       FROM stock_level sl TABLESAMPLE SYSTEM (2)
       JOIN location l ON l.id = sl.location_id AND l.type = 'STORE' AND l.pickup_enabled
       JOIN product_variant v ON v.id = sl.variant_id
       WHERE sl.on_hand - sl.reserved > 0
       ORDER BY v.id, random() LIMIT $1`,
      [checkouts],
    );
    const {
      rows: [hotStore],
    } = await c.query(`SELECT code FROM location WHERE type = 'STORE' AND pickup_enabled ORDER BY code LIMIT 1`);
    return { slugs, skus, words, pickups, hotStoreCode: hotStore?.code };
  });
}

/** PIDs of the PostgreSQL backends the server holds on this database (same machine: /proc can read them). */
export function backendPidsFn(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-watch' });
  let connected;
  const fn = async () => {
    connected ??= client.connect();
    await connected;
    const { rows } = await client.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'commerce-api'`,
    );
    return rows.map((r) => r.pid);
  };
  fn.close = () => (connected ? client.end() : Promise.resolve());
  return fn;
}

export const serverVersion = (url) => withClient(url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
export const serverSettings = (url) =>
  withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT name, setting, unit FROM pg_settings
       WHERE name IN ('shared_buffers', 'work_mem', 'max_connections', 'effective_cache_size', 'jit')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]));
  });
