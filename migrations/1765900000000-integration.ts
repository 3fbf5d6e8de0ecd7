import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Integration with the retailer's systems (issue 26): `stock_set_request` (owned by inventory) keeps each
 * `stockSet` call's key, what it asked and what it answered, so the same key applies once.
 */
export class Integration1765900000000 implements MigrationInterface {
  name = 'Integration1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stock_set_request (
        created_by uuid NOT NULL REFERENCES staff(id),
        idempotency_key varchar(100) NOT NULL,
        request_hash varchar(64) NOT NULL,
        results jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_stock_set_request" PRIMARY KEY (created_by, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stock_set_request`);
  }
}
