// Runs once before the database-backed tests (service and end-to-end tiers). Either way the migrations
// run once per `jest` run, not once per test file:
// - On a real PostgreSQL (DATABASE_URL set) it migrates a template database; each test file then gets its
//   own copy (CREATE DATABASE … TEMPLATE), so files run in parallel without sharing rows.
// - On PGlite (no DATABASE_URL) it migrates one in-memory PGlite and dumps its data directory to a tarball;
//   each test file's in-memory PGlite loads that dump (EmbeddedPostgres.template), which skips both initdb
//   (the slow part of starting PGlite) and the migrations.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalSetup() {
  if (process.env.TEST_DB_TEMPLATE || process.env.TEST_PGLITE_TEMPLATE) return; // several projects, one setup
  const url = process.env.DATABASE_URL;
  if (!url) return pgliteTemplate();
  const run = `ct_${Date.now().toString(36)}_${process.pid}`;
  const template = `${run}_tpl`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const { MIGRATIONS } = await import('../../dist/migrations/index.js');
  const { DataSource } = await import('typeorm');
  const ds = new DataSource({ type: 'postgres', url: withDatabase(url, template), migrations: MIGRATIONS, logging: false });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env.TEST_DB_RUN = run;
  process.env.TEST_DB_TEMPLATE = template;
  process.env.TEST_DB_SERVER_URL = url;
}

async function pgliteTemplate() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const { MIGRATIONS } = await import('../../dist/migrations/index.js');
  const { DataSource } = await import('typeorm');
  const db = await PGlite.create('memory://');
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port });
  await server.start();
  const ds = new DataSource({
    type: 'postgres',
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    migrations: MIGRATIONS,
    logging: false,
    extra: { max: 1 },
  });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  await server.stop();
  const dump = await db.dumpDataDir('none');
  await db.close();
  const dir = mkdtempSync(join(tmpdir(), 'pglite-template-'));
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.TEST_PGLITE_TEMPLATE = file;
}

async function freePort() {
  const s = createServer();
  await new Promise((resolve, reject) => s.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = s.address();
  await new Promise((resolve) => s.close(resolve));
  return port;
}

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
