// Runs once before the end-to-end tests. On a real PostgreSQL (DATABASE_URL set) it migrates a template
// database once; each test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files run in
// parallel without sharing rows. On PGlite (no DATABASE_URL) each test file starts its own in memory.
import pg from 'pg';

export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
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

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
