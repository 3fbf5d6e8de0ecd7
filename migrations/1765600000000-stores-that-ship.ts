import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Stores that ship: a location may send delivery orders (ships_orders; warehouses do, existing stores do
 * not until an admin says so, so no store starts shipping by surprise) within a daily capacity
 * (fulfilment_capacity_per_day, null = no limit). fulfilment_capacity (orders) counts what each location
 * has taken on per day of its own time zone: one guarded upsert per delivery fulfilment, so concurrent
 * checkouts never exceed it. fulfillment.sourcing_reason says why its source was chosen.
 */
export class StoresThatShip1765600000000 implements MigrationInterface {
  name = 'StoresThatShip1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE location ADD COLUMN ships_orders boolean`);
    await q.query(`UPDATE location SET ships_orders = (type = 'WAREHOUSE')`);
    await q.query(`ALTER TABLE location ALTER COLUMN ships_orders SET NOT NULL, ALTER COLUMN ships_orders SET DEFAULT false`);
    await q.query(
      `ALTER TABLE location ADD COLUMN fulfilment_capacity_per_day integer NULL
         CONSTRAINT "CHK_location_fulfilment_capacity" CHECK (fulfilment_capacity_per_day >= 0)`,
    );
    await q.query(
      `CREATE TABLE fulfilment_capacity (
         location_id uuid NOT NULL,
         day date NOT NULL,
         used integer NOT NULL CONSTRAINT "CHK_fulfilment_capacity_used" CHECK (used >= 0),
         CONSTRAINT "PK_fulfilment_capacity" PRIMARY KEY (location_id, day)
       )`,
    );
    await q.query(`ALTER TABLE fulfillment ADD COLUMN sourcing_reason varchar NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fulfillment DROP COLUMN sourcing_reason`);
    await q.query(`DROP TABLE fulfilment_capacity`);
    await q.query(`ALTER TABLE location DROP COLUMN fulfilment_capacity_per_day`);
    await q.query(`ALTER TABLE location DROP COLUMN ships_orders`);
  }
}
