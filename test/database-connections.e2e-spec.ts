import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from 'pg';
import { pgCode } from '@app/common';
import { startTestApp, type TestApp } from './support/test-app.js';
import { usingRealPostgres } from './support/test-database.js';

/**
 * The pool's connections and the statements prepared on them (PreparingClient on PostgreSQL; none on
 * PGlite, whose connections share one session).
 */
describe('database connections and prepared statements', () => {
  let t: TestApp;
  const pool = () => (t.db.driver as unknown as { master: Pool }).master;
  const LEVELS = `query { products(first: 3) { totalCount edges { node { slug variants { sku availableOnline } } } } }`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('queries still run after the pool replaced a connection', async () => {
    const before = await t.gql(LEVELS);
    expect(before.errors).toBeUndefined();
    // Drop every idle connection (as the pool does after idleTimeoutMillis): the next ones start afresh.
    const held = await Promise.all(Array.from({ length: pool().totalCount || 1 }, () => pool().connect()));
    for (const c of held) c.release(true);
    for (let i = 0; i < 3; i++) expect(await t.gql(LEVELS)).toEqual(before);
  });

  (usingRealPostgres() ? it : it.skip)(
    'a statement made stale by a migration fails once, then runs unnamed (needs DATABASE_URL; skipped on PGlite)',
    async () => {
      await t.db.query(`CREATE TABLE stale_probe (id int PRIMARY KEY, a int)`);
      await t.db.query(`INSERT INTO stale_probe VALUES (1, 10)`);
      const read = () => t.db.query(`SELECT * FROM stale_probe WHERE id = $1`, [1]);
      // Every connection of the pool prepares it, so whichever the next query gets has the stale plan.
      const clients = await Promise.all(Array.from({ length: 10 }, () => pool().connect()));
      for (const c of clients) await c.query(`SELECT * FROM stale_probe WHERE id = $1`, [1]);
      for (const c of clients) c.release();
      await t.db.query(`ALTER TABLE stale_probe ADD COLUMN b int DEFAULT 7`);
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++)
        outcomes.push(
          await read().then(
            () => 'ok',
            (e: unknown) => pgCode(e) ?? 'error',
          ),
        );
      expect(outcomes.every((o) => o === 'ok' || o === '0A000')).toBe(true);
      expect(outcomes.slice(-2)).toEqual(['ok', 'ok']);
      expect(await read()).toEqual([{ id: 1, a: 10, b: 7 }]);
    },
  );
});
