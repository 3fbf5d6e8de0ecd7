import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The back office pages through orders and a level's stock ledger newest first, by keyset over
 * (created_at, id): the indexes carry the id too, so a page is an index walk that stops after `first`
 * rows, ties on created_at included. They replace the indexes on created_at alone, which they cover.
 * A store's orders are those sold, sent or collected there: the fulfilments by source and by pickup
 * location give the ids of the last two without reading every fulfilment.
 */
export class BackOfficeOrderIndexes1765300000200 implements MigrationInterface {
  name = 'BackOfficeOrderIndexes1765300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_order_created_id" ON customer_order (created_at, id)`);
    await q.query(`DROP INDEX "IDX_order_created"`);
    await q.query(
      `CREATE INDEX "IDX_order_customer_created_id" ON customer_order (customer_id, created_at, id) WHERE customer_id IS NOT NULL`,
    );
    await q.query(`DROP INDEX "IDX_order_customer_created"`);
    await q.query(`CREATE INDEX "IDX_fulfillment_source_location" ON fulfillment (source_location_id, order_id)`);
    await q.query(
      `CREATE INDEX "IDX_fulfillment_pickup_location" ON fulfillment (pickup_location_id, order_id) WHERE pickup_location_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_stock_movement_level_time_id" ON stock_movement (location_id, variant_id, created_at, id)`);
    await q.query(`DROP INDEX "IDX_stock_movement_level_time"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_stock_movement_level_time" ON stock_movement (location_id, variant_id, created_at)`);
    await q.query(`DROP INDEX "IDX_stock_movement_level_time_id"`);
    await q.query(`DROP INDEX "IDX_fulfillment_pickup_location"`);
    await q.query(`DROP INDEX "IDX_fulfillment_source_location"`);
    await q.query(
      `CREATE INDEX "IDX_order_customer_created" ON customer_order (customer_id, created_at DESC) WHERE customer_id IS NOT NULL`,
    );
    await q.query(`DROP INDEX "IDX_order_customer_created_id"`);
    await q.query(`CREATE INDEX "IDX_order_created" ON customer_order (created_at)`);
    await q.query(`DROP INDEX "IDX_order_created_id"`);
  }
}
