import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Tokens that can be taken back: each account has a token version, carried by its tokens and checked on
 * every request; signing out, a password change or a deactivation moves it on, and older tokens stop
 * working. `service_secret` holds secrets generated for this database outside production (the token
 * secret when JWT_SECRET is unset), so no two installations share one and several processes on one
 * database agree.
 */
export class SessionsAndSecrets1765200000000 implements MigrationInterface {
  name = 'SessionsAndSecrets1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE customer ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE service_secret (
        name varchar(40) PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_secret`);
    await q.query(`ALTER TABLE customer DROP COLUMN token_version`);
    await q.query(`ALTER TABLE staff DROP COLUMN token_version`);
  }
}
