import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What the payment provider told us on its own (libs/payments): Stripe's webhooks, each recorded once by
 * the provider's event id (Stripe delivers at least once and replays), with the payment it concerns when
 * one of ours has its PaymentIntent, and the event as sent. A refund that failed or a dispute shows here
 * first; acting on them is left to people (and later code) reading these rows.
 */
export class PaymentEvents1765400000200 implements MigrationInterface {
  name = 'PaymentEvents1765400000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider varchar(16) NOT NULL,
        provider_event_id varchar(255) NOT NULL,
        type varchar(100) NOT NULL,
        payment_id uuid REFERENCES payment(id),
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_payment_event_provider_event" UNIQUE (provider_event_id)
      )`);
    await q.query(`CREATE INDEX "IDX_payment_event_payment" ON payment_event (payment_id, created_at) WHERE payment_id IS NOT NULL`);
    // Each event names its PaymentIntent: the payment is found by it, without reading the whole table.
    await q.query(`CREATE INDEX "IDX_payment_provider_ref" ON payment (provider, provider_ref) WHERE provider_ref IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_payment_provider_ref"`);
    await q.query(`DROP TABLE payment_event`);
  }
}
