// Drops every database this run created (the template and each test file's copy).
import pg from 'pg';

export default async function globalTeardown() {
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
