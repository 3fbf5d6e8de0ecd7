import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Money (libs/payments, docs/adr/0030-payments.md). `payment`: what one order's payment covers (`due`), what
 * the card authorised, what was captured (or taken at the counter), released and refunded, each only ever
 * moved by guarded updates inside the bounds the CHECKs keep. `payment_transaction`: every movement asked
 * of the provider (or recorded at the counter), with its idempotency key, so each happens once and the
 * amounts can be reconciled with the provider's.
 */
export class Payments1765400000000 implements MigrationInterface {
  name = 'Payments1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid,
        method varchar(16) NOT NULL,
        provider varchar(16),
        provider_ref varchar(255),
        idempotency_key varchar(300) NOT NULL,
        state varchar(16) NOT NULL,
        attempt integer NOT NULL DEFAULT 0,
        currency char(3) NOT NULL,
        due integer NOT NULL,
        authorized integer NOT NULL DEFAULT 0,
        captured integer NOT NULL DEFAULT 0,
        released integer NOT NULL DEFAULT 0,
        refunded integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_payment_idempotency_key" UNIQUE (idempotency_key),
        CONSTRAINT "CHK_payment_method" CHECK (method IN ('CARD', 'PAY_AT_PICKUP')),
        CONSTRAINT "CHK_payment_state" CHECK (state IN ('AUTHORIZING', 'AUTHORIZED', 'DECLINED', 'FAILED', 'VOIDING', 'OPEN', 'VOIDED', 'CLOSED')),
        CONSTRAINT "CHK_payment_amounts" CHECK (
          due >= 0 AND authorized >= 0 AND captured >= 0 AND released >= 0 AND refunded >= 0
          AND captured + released <= due AND refunded <= captured
          AND (method <> 'CARD' OR captured + released <= authorized))
      )`);
    await q.query(`CREATE INDEX "IDX_payment_order" ON payment (order_id)`);
    await q.query(
      `CREATE INDEX "IDX_payment_orphans" ON payment (created_at) WHERE order_id IS NULL AND state IN ('AUTHORIZING', 'AUTHORIZED', 'VOIDING')`,
    );
    await q.query(`
      CREATE TABLE payment_transaction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        payment_id uuid NOT NULL REFERENCES payment(id),
        kind varchar(16) NOT NULL,
        amount integer NOT NULL,
        outcome varchar(16) NOT NULL,
        provider_ref varchar(255),
        idempotency_key varchar(300) NOT NULL,
        fulfillment_id uuid,
        error varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_payment_transaction_kind" CHECK (kind IN ('AUTHORIZE', 'CAPTURE', 'COUNTER', 'RELEASE', 'VOID', 'REFUND')),
        CONSTRAINT "CHK_payment_transaction_outcome" CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'DECLINED')),
        CONSTRAINT "CHK_payment_transaction_amount" CHECK (amount >= 0)
      )`);
    // Each movement succeeds once per key; failed attempts (a provider that was down) are kept beside it.
    await q.query(`CREATE UNIQUE INDEX "UQ_payment_transaction_key" ON payment_transaction (idempotency_key) WHERE outcome = 'SUCCEEDED'`);
    await q.query(`CREATE INDEX "IDX_payment_transaction_payment" ON payment_transaction (payment_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_transaction`);
    await q.query(`DROP TABLE payment`);
  }
}
