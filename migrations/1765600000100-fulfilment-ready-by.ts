import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * When a pickup is promised ready (the ready-by promise of storesNear, set when the fulfilment is written): the
 * pickup queue orders by it, soonest first. Null for deliveries, and for pickups written before it existed.
 */
export class FulfilmentReadyBy1765600000100 implements MigrationInterface {
  name = 'FulfilmentReadyBy1765600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fulfillment ADD COLUMN ready_by timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fulfillment DROP COLUMN ready_by`);
  }
}
