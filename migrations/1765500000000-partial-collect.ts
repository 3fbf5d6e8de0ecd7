import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A customer may try on and take only some units at the counter (fulfillmentCollectPartial): each order
 * line records how many were taken. Null until its fulfilment is collected; a full collect sets the quantity.
 */
export class PartialCollect1765500000000 implements MigrationInterface {
  name = 'PartialCollect1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_line ADD COLUMN collected integer`);
    await q.query(
      `ALTER TABLE order_line ADD CONSTRAINT "CHK_order_line_collected" CHECK (collected IS NULL OR (collected >= 0 AND collected <= quantity))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_line DROP CONSTRAINT "CHK_order_line_collected"`);
    await q.query(`ALTER TABLE order_line DROP COLUMN collected`);
  }
}
