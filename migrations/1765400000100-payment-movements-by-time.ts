import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The channel report counts the money taken and refunded in a window by when it moved
 * (`paymentSql.movedPerOrder`): the succeeded captures, counter payments and refunds by time, so a
 * window reads its own movements rather than every transaction (the other index starts with the payment).
 */
export class PaymentMovementsByTime1765400000100 implements MigrationInterface {
  name = 'PaymentMovementsByTime1765400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_payment_transaction_settled_at" ON payment_transaction (created_at)
       WHERE outcome = 'SUCCEEDED' AND kind IN ('CAPTURE', 'COUNTER', 'REFUND')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_payment_transaction_settled_at"`);
  }
}
