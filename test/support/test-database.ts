import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { EmbeddedPostgres } from '@app/common';

/**
 * A database for one test file. On a real server: a copy of the migrated template made by global-setup.
 * On PGlite: nothing to make; the app starts its own in-memory PGlite (`memory://`), loaded from the
 * migrated dump global-setup made (so its migrations find nothing left to do).
 */
export async function testDatabaseUrl(): Promise<string | undefined> {
  const server = process.env.TEST_DB_SERVER_URL;
  const template = process.env.TEST_DB_TEMPLATE;
  if (!server || !template) {
    usePgliteTemplate();
    return undefined;
  }
  const name = `${process.env.TEST_DB_RUN}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (err) {
        // Two files copying the template at the same moment: PostgreSQL refuses one; try again.
        if (attempt >= 20 || !(err instanceof Error && /being accessed by other users/.test(err.message))) throw err;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

export const usingRealPostgres = (): boolean => Boolean(process.env.TEST_DB_SERVER_URL);

let pgliteTemplate: Blob | undefined;

/** Every in-memory PGlite of this test file starts from global-setup's migrated dump, read once per file. */
export function usePgliteTemplate(): void {
  const file = process.env.TEST_PGLITE_TEMPLATE;
  if (!file) return;
  pgliteTemplate ??= new Blob([readFileSync(file)]);
  EmbeddedPostgres.template = pgliteTemplate;
}
