import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { unbalancedTotals } from './support/shoppers.js';

/** `npm run seed` is how benchmarks and demos load data: its module must keep building (it has no HTTP). */
describe('the seed command', () => {
  it('loads a generated catalogue into an embedded database and reports what it loaded', async () => {
    const env = { PATH: process.env.PATH, PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/apps/api/src/seed.js', '--products', '12', '--locations', '3', '--sizes', '2'], { env, timeout: 60_000 });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ products: 12, variants: 24, locations: 3, stockLevels: expect.any(Number) });
  });

  // The embedded database above lives only in the seed process, so the totals are read from a real PostgreSQL.
  (process.env.DATABASE_URL ? it : it.skip)('loads the variant totals with the levels, the trigger off during the bulk insert (needs DATABASE_URL; skipped without it)', async () => {
    const url = process.env.DATABASE_URL!;
    const name = `seed_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    try {
      const env = { PATH: process.env.PATH, DATABASE_URL: target.toString(), LOG_LEVEL: 'warn', NODE_ENV: 'test', REDIS_URL: '' };
      await promisify(execFile)(process.execPath, ['dist/apps/api/src/seed.js', '--products', '12', '--locations', '3', '--sizes', '2'], { env, timeout: 60_000 });
      const db = new pg.Client({ connectionString: target.toString() });
      await db.connect();
      try {
        expect((await db.query(`SELECT count(*)::int AS n FROM variant_stock`)).rows[0].n).toBeGreaterThan(0);
        expect(await unbalancedTotals(db)).toBe(0);
        const [{ enabled }] = (await db.query(`SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'variant_stock_sync'`)).rows;
        expect(enabled).toBe('O'); // on again
      } finally {
        await db.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
