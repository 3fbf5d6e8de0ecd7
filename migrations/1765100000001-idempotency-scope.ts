import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Idempotency keys unique per caller, not across everyone (issue 19): a global key told one caller that
 * another had used it and let a predictable key be claimed first. The scope is `staff:<id>`,
 * `customer:<id>` or, for a guest, `cart:<id>`; existing orders take it from who placed them.
 */
export class IdempotencyScope1765100000001 implements MigrationInterface {
  name = 'IdempotencyScope1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_order ADD COLUMN idempotency_scope varchar(64)`);
    // An order with no staff, customer or cart cannot come from a checkout; it gets a scope of its own.
    await q.query(`
      UPDATE customer_order SET idempotency_scope = CASE
        WHEN placed_by_staff_id IS NOT NULL THEN 'staff:' || placed_by_staff_id
        WHEN customer_id IS NOT NULL THEN 'customer:' || customer_id
        ELSE COALESCE('cart:' || cart_id, 'order:' || id) END`);
    await q.query(`ALTER TABLE customer_order ALTER COLUMN idempotency_scope SET NOT NULL`);
    await q.query(`ALTER TABLE customer_order DROP CONSTRAINT "UQ_order_idempotency_key"`);
    // Also the index replays look up by.
    await q.query(`ALTER TABLE customer_order ADD CONSTRAINT "UQ_order_idempotency_scope_key" UNIQUE (idempotency_scope, idempotency_key)`);
  }

  // Fails once two callers have used the same key: keys are then no longer unique across everyone.
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_order DROP CONSTRAINT "UQ_order_idempotency_scope_key"`);
    await q.query(`ALTER TABLE customer_order ADD CONSTRAINT "UQ_order_idempotency_key" UNIQUE (idempotency_key)`);
    await q.query(`ALTER TABLE customer_order DROP COLUMN idempotency_scope`);
  }
}
