import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Integration with the retailer's systems (issue 26): `stock_set_request` (owned by inventory) keeps each
 * `stockSet` call's key, what it asked and what it answered, so the same key applies once; `bulk_job` (owned
 * by bulk) each feed posted over HTTP, applied in batches in the background.
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
    // A bulk feed: its spooled file, where it stands (`checkpoint`: the last line applied, for a resume after
    // a crash), its counts and the first errors by line. `lease_until`: the process applying it holds it until then.
    await q.query(`
      CREATE TABLE bulk_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL,
        format varchar(8) NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'QUEUED',
        file_path text NOT NULL,
        content_hash varchar(64) NOT NULL,
        rows_read integer NOT NULL DEFAULT 0,
        rows_applied integer NOT NULL DEFAULT 0,
        rows_failed integer NOT NULL DEFAULT 0,
        checkpoint integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        message varchar(500),
        created_by uuid NOT NULL REFERENCES staff(id),
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT "CHK_bulk_job_status" CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
        CONSTRAINT "CHK_bulk_job_format" CHECK (format IN ('CSV', 'NDJSON'))
      )`);
    await q.query(`CREATE INDEX "IDX_bulk_job_open" ON bulk_job (created_at) WHERE status IN ('QUEUED', 'RUNNING')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bulk_job`);
    await q.query(`DROP TABLE stock_set_request`);
  }
}
