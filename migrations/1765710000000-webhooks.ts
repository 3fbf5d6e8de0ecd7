import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks (libs/webhooks, docs/adr/0032-webhook-outbox.md): the retailer's endpoints, the
 * outbox of events (written in the transaction of the change they report), one delivery per event and
 * subscribed endpoint (its retry state), and the log of every attempt.
 */
export class Webhooks1765710000000 implements MigrationInterface {
  name = 'Webhooks1765710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url varchar(2048) NOT NULL,
        events varchar(32)[] NOT NULL,
        secret varchar(128) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_at timestamptz,
        disabled_reason varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_webhook_endpoint_events" CHECK (cardinality(events) > 0),
        CONSTRAINT "CHK_webhook_endpoint_failures" CHECK (consecutive_failures >= 0)
      )`);
    await q.query(`
      CREATE TABLE webhook_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type varchar(32) NOT NULL,
        ordering_key varchar(100) NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // id is the order deliveries of one ordering key go in: written under the subject's row lock, so
    // the ids of one order's events follow the order in which their transactions committed.
    await q.query(`
      CREATE TABLE webhook_delivery (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES webhook_event(id),
        ordering_key varchar(100) NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        leased_until timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_webhook_delivery_endpoint_event" UNIQUE (endpoint_id, event_id)
      )`);
    // What the sender looks for (due, undelivered) and what it checks before each (an earlier one undelivered).
    await q.query(`CREATE INDEX "IDX_webhook_delivery_due" ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL`);
    await q.query(
      `CREATE INDEX "IDX_webhook_delivery_pending_key" ON webhook_delivery (endpoint_id, ordering_key, id) WHERE delivered_at IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_webhook_delivery_event" ON webhook_delivery (event_id)`);
    await q.query(`
      CREATE TABLE webhook_delivery_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id bigint NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type varchar(32) NOT NULL,
        attempted_at timestamptz NOT NULL,
        status_code integer,
        error varchar(1000),
        duration_ms integer NOT NULL,
        succeeded boolean NOT NULL
      )`);
    await q.query(
      `CREATE INDEX "IDX_webhook_delivery_attempt_endpoint" ON webhook_delivery_attempt (endpoint_id, attempted_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX "IDX_webhook_delivery_attempt_delivery" ON webhook_delivery_attempt (delivery_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery_attempt`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_event`);
    await q.query(`DROP TABLE webhook_endpoint`);
  }
}
