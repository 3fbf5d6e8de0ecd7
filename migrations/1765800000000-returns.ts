import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Returns (docs/adr/0033-returns.md). `order_return` / `order_return_line` (owned by returns): what came back,
 * from which order line, why, and where it went; the return keeps the channel of the original sale and what it
 * refunded, so reports never re-derive them. `payment_refund` (owned by payments): a refund owed to a card,
 * written in the return's transaction and sent to the provider after it commits, retried until it is
 * answered, under one idempotency key (never lost, never doubled).
 */
export class Returns1765800000000 implements MigrationInterface {
  name = 'Returns1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE order_return_number_seq START 500001`);
    await q.query(`
      CREATE TABLE order_return (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(20) NOT NULL DEFAULT 'R' || nextval('order_return_number_seq')::text,
        order_id uuid NOT NULL,
        order_channel varchar(8) NOT NULL,
        customer_id uuid,
        status varchar(12) NOT NULL,
        location_id uuid REFERENCES location(id),
        currency char(3) NOT NULL,
        refund_amount integer NOT NULL DEFAULT 0,
        refund_method varchar(16),
        exchange_order_id uuid,
        idempotency_key varchar(100),
        request_hash varchar(64),
        created_by_staff_id uuid REFERENCES staff(id),
        received_by_staff_id uuid REFERENCES staff(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        received_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_order_return_number" UNIQUE (number),
        CONSTRAINT "UQ_order_return_key" UNIQUE (created_by_staff_id, idempotency_key),
        CONSTRAINT "CHK_order_return_status" CHECK (status IN ('REQUESTED', 'RECEIVED', 'CANCELLED')),
        CONSTRAINT "CHK_order_return_received" CHECK ((status = 'RECEIVED') = (received_at IS NOT NULL AND location_id IS NOT NULL)),
        CONSTRAINT "CHK_order_return_refund" CHECK (refund_amount >= 0)
      )`);
    await q.query(`CREATE INDEX "IDX_order_return_order" ON order_return (order_id)`);
    await q.query(`CREATE INDEX "IDX_order_return_received" ON order_return (received_at) WHERE status = 'RECEIVED'`);
    await q.query(`
      CREATE TABLE order_return_line (
        return_id uuid NOT NULL REFERENCES order_return(id) ON DELETE CASCADE,
        order_line_id uuid NOT NULL,
        variant_id uuid NOT NULL,
        quantity integer NOT NULL,
        reason varchar(20) NOT NULL,
        disposition varchar(10),
        exchanged integer NOT NULL DEFAULT 0,
        refund_amount integer NOT NULL DEFAULT 0,
        CONSTRAINT "PK_order_return_line" PRIMARY KEY (return_id, order_line_id),
        CONSTRAINT "CHK_order_return_line_quantity" CHECK (quantity > 0 AND exchanged BETWEEN 0 AND quantity AND refund_amount >= 0),
        CONSTRAINT "CHK_order_return_line_disposition" CHECK (disposition IS NULL OR disposition IN ('RESTOCK', 'DAMAGED'))
      )`);
    await q.query(`CREATE INDEX "IDX_order_return_line_order_line" ON order_return_line (order_line_id)`);

    await q.query(`
      CREATE TABLE payment_refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        payment_id uuid NOT NULL REFERENCES payment(id),
        amount integer NOT NULL,
        idempotency_key varchar(300) NOT NULL,
        state varchar(12) NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        provider_ref varchar(255),
        last_error varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_payment_refund_key" UNIQUE (idempotency_key),
        CONSTRAINT "CHK_payment_refund_amount" CHECK (amount > 0),
        CONSTRAINT "CHK_payment_refund_state" CHECK (state IN ('PENDING', 'SUCCEEDED'))
      )`);
    await q.query(`CREATE INDEX "IDX_payment_refund_due" ON payment_refund (next_attempt_at) WHERE state = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_refund`);
    await q.query(`DROP TABLE order_return_line`);
    await q.query(`DROP TABLE order_return`);
    await q.query(`DROP SEQUENCE order_return_number_seq`);
  }
}
