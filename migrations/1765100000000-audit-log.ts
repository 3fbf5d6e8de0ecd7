import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audit log (libs/audit): one row per recorded change, written in that change's transaction. No
 * foreign key on staff_id: the log keeps naming who did it, whatever later happens to the account.
 */
export class AuditLog1765100000000 implements MigrationInterface {
  name = 'AuditLog1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action varchar(64) NOT NULL,
        staff_id uuid,
        subject_type varchar(64) NOT NULL,
        subject_id varchar(100) NOT NULL,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The log is read newest first.
    await q.query(`CREATE INDEX "IDX_audit_entry_created" ON audit_entry (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
  }
}
