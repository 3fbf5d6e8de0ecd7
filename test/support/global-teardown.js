// Drops every database this run created (the template and each test file's copy), or the PGlite dump.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const dump = process.env.TEST_PGLITE_TEMPLATE;
  if (dump) rmSync(dirname(dump), { recursive: true, force: true });
  const url = process.env.TEST_DB_SERVER_URL;
  const run = process.env.TEST_DB_RUN;
  if (!url || !run) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${run}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
