import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * How long a store takes to prepare a pickup from its own shelf (the ready-by promise of storesNear and
 * pickupPromise): seconds, like the pickup hold, two hours unless an admin says otherwise.
 */
export class PreparationTime1765500000100 implements MigrationInterface {
  name = 'PreparationTime1765500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE location ADD COLUMN preparation_seconds integer NOT NULL DEFAULT 7200
         CONSTRAINT "CHK_location_preparation_seconds" CHECK (preparation_seconds > 0)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE location DROP COLUMN preparation_seconds`);
  }
}
