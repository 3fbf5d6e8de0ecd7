import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { unbalancedTotals } from './support/shoppers.js';

/** `npm run seed` is how benchmarks and demos load data: its module must keep building (it has no HTTP). */
describe('the seed command', () => {
  it('loads a generated catalogue into an embedded database and reports what it loaded', async () => {
    const env = { PATH: process.env.PATH, PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['dist/apps/api/src/seed.js', '--products', '12', '--locations', '3', '--sizes', '2'],
      { env, timeout: 60_000 },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      products: 12,
      variants: 24,
      locations: 3,
      stockLevels: expect.any(Number),
    });
  });

  // The embedded database above lives only in the seed process, so the totals are read from a real PostgreSQL.
  (process.env.DATABASE_URL ? it : it.skip)(
    'loads the variant totals with the levels, the trigger and foreign keys off during the bulk insert and back after (needs DATABASE_URL; skipped without it)',
    async () => {
      const url = process.env.DATABASE_URL!;
      const name = `seed_${Date.now()}_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      try {
        const env = { PATH: process.env.PATH, DATABASE_URL: target.toString(), LOG_LEVEL: 'warn', NODE_ENV: 'test', REDIS_URL: '' };
        await promisify(execFile)(process.execPath, ['dist/apps/api/src/seed.js', '--products', '12', '--locations', '3', '--sizes', '2'], {
          env,
          timeout: 60_000,
        });
        const db = new pg.Client({ connectionString: target.toString() });
        await db.connect();
        try {
          expect((await db.query(`SELECT count(*)::int AS n FROM variant_stock`)).rows[0].n).toBeGreaterThan(0);
          expect(await unbalancedTotals(db)).toBe(0);
          const [{ enabled }] = (await db.query(`SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'variant_stock_sync'`)).rows;
          expect(enabled).toBe('O'); // on again
          // Dropped for the insert into an empty stock_level, then added back as the migrations made them, and checked.
          const keys = async () =>
            (
              await db.query(
                `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS def, convalidated AS validated
           FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('stock_level'::regclass, 'stock_movement'::regclass) ORDER BY 1, 2`,
              )
            ).rows;
          // Kept as a table: one row per foreign key.
          // prettier-ignore
          expect(await keys()).toEqual([
          { table: 'stock_level', name: 'stock_level_location_id_fkey', def: 'FOREIGN KEY (location_id) REFERENCES location(id)', validated: true },
          { table: 'stock_level', name: 'stock_level_variant_id_fkey', def: 'FOREIGN KEY (variant_id) REFERENCES product_variant(id)', validated: true },
          { table: 'stock_movement', name: 'FK_stock_movement_level', def: 'FOREIGN KEY (location_id, variant_id) REFERENCES stock_level(location_id, variant_id)', validated: true },
          { table: 'stock_movement', name: 'stock_movement_staff_id_fkey', def: 'FOREIGN KEY (staff_id) REFERENCES staff(id)', validated: true },
        ]);
          const orphan = db.query(`INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, reason)
          VALUES (gen_random_uuid(), gen_random_uuid(), 'SEED', 1, 0, 'no such level')`);
          await expect(orphan).rejects.toMatchObject({ code: '23503' }); // enforced, not just listed
          // A second load finds stock there and leaves the keys alone.
          await promisify(execFile)(
            process.execPath,
            ['dist/apps/api/src/seed.js', '--products', '14', '--locations', '3', '--sizes', '2'],
            { env, timeout: 60_000 },
          );
          expect(await keys()).toHaveLength(4);
          expect(await unbalancedTotals(db)).toBe(0);
        } finally {
          await db.end();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
