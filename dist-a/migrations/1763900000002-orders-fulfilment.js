import {} from 'typeorm';
/**
 * Orders, their fulfilments and the notification outbox. An order's idempotency key is unique, so a
 * retried checkout finds the order instead of making a second one. Fulfilments carry the pickup code only
 * as an HMAC (to check) and sealed with AES-GCM (to show its customer again), never in clear.
 */
export class OrdersFulfilment1763900000002 {
    name = 'OrdersFulfilment1763900000002';
    async up(q) {
        await q.query(`CREATE SEQUENCE order_number_seq START 100001`);
        await q.query(`
      CREATE TABLE customer_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(20) NOT NULL DEFAULT nextval('order_number_seq')::text,
        idempotency_key varchar(100) NOT NULL,
        cart_id uuid REFERENCES cart(id),
        customer_id uuid REFERENCES customer(id),
        channel varchar(8) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'PLACED',
        currency char(3) NOT NULL,
        subtotal integer NOT NULL,
        discount integer NOT NULL,
        total integer NOT NULL,
        contact_email varchar(254) NOT NULL,
        contact_phone varchar(16),
        contact_name varchar(200),
        ship_line1 varchar(200),
        ship_city varchar(100),
        ship_postal_code varchar(20),
        ship_country char(2),
        attributed_location_id uuid REFERENCES location(id),
        placed_by_staff_id uuid REFERENCES staff(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_order_number" UNIQUE (number),
        CONSTRAINT "UQ_order_idempotency_key" UNIQUE (idempotency_key),
        CONSTRAINT "CHK_order_status" CHECK (status IN ('PLACED', 'COMPLETED', 'CANCELLED')),
        CONSTRAINT "CHK_order_money" CHECK (subtotal >= 0 AND discount >= 0 AND discount <= subtotal AND total = subtotal - discount)
      )`);
        await q.query(`CREATE INDEX "IDX_order_customer_created" ON customer_order (customer_id, created_at DESC) WHERE customer_id IS NOT NULL`);
        await q.query(`CREATE INDEX "IDX_order_created" ON customer_order (created_at)`);
        await q.query(`
      CREATE TABLE fulfillment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES customer_order(id),
        type varchar(16) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'ALLOCATED',
        source_location_id uuid NOT NULL REFERENCES location(id),
        pickup_location_id uuid REFERENCES location(id),
        pickup_code_hash varchar(64),
        pickup_code_sealed text,
        pickup_code_failures integer NOT NULL DEFAULT 0,
        ready_at timestamptz,
        expires_at timestamptz,
        shipped_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_fulfillment_type" CHECK (type IN ('DELIVERY', 'PICKUP', 'SHIP_TO_STORE')),
        CONSTRAINT "CHK_fulfillment_status" CHECK (status IN ('ALLOCATED', 'READY_FOR_PICKUP', 'IN_TRANSIT', 'COLLECTED', 'EXPIRED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
        CONSTRAINT "CHK_fulfillment_pickup" CHECK ((type = 'DELIVERY') = (pickup_location_id IS NULL)),
        CONSTRAINT "CHK_fulfillment_code" CHECK ((type = 'DELIVERY') = (pickup_code_hash IS NULL))
      )`);
        await q.query(`CREATE INDEX "IDX_fulfillment_order" ON fulfillment (order_id)`);
        await q.query(`CREATE INDEX "IDX_fulfillment_pickup_queue" ON fulfillment (pickup_location_id, created_at) WHERE status IN ('ALLOCATED', 'IN_TRANSIT', 'READY_FOR_PICKUP')`);
        // The expiry sweep: ready pickups by expiry time.
        await q.query(`CREATE INDEX "IDX_fulfillment_expiry" ON fulfillment (expires_at) WHERE status = 'READY_FOR_PICKUP'`);
        await q.query(`
      CREATE TABLE order_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES customer_order(id),
        fulfillment_id uuid NOT NULL REFERENCES fulfillment(id),
        position integer NOT NULL,
        variant_id uuid NOT NULL REFERENCES product_variant(id),
        sku varchar(64) NOT NULL,
        quantity integer NOT NULL,
        unit_price integer NOT NULL,
        CONSTRAINT "CHK_order_line_quantity" CHECK (quantity > 0),
        CONSTRAINT "CHK_order_line_price" CHECK (unit_price >= 0)
      )`);
        await q.query(`CREATE INDEX "IDX_order_line_order" ON order_line (order_id, position)`);
        await q.query(`CREATE INDEX "IDX_order_line_fulfillment" ON order_line (fulfillment_id)`);
        await q.query(`
      CREATE TABLE order_discount (
        order_id uuid NOT NULL REFERENCES customer_order(id),
        promotion_id uuid NOT NULL REFERENCES promotion(id),
        code varchar(64) NOT NULL,
        amount integer NOT NULL,
        CONSTRAINT "PK_order_discount" PRIMARY KEY (order_id, promotion_id)
      )`);
        // The transactional outbox: written in the transaction that makes the news, delivered by a worker.
        await q.query(`
      CREATE TABLE notification (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES customer_order(id),
        fulfillment_id uuid REFERENCES fulfillment(id),
        template varchar(32) NOT NULL,
        channel varchar(8) NOT NULL,
        recipient varchar(254) NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        status varchar(12) NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        not_before timestamptz NOT NULL DEFAULT now(),
        leased_until timestamptz,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_notification_channel" CHECK (channel IN ('EMAIL', 'SMS')),
        CONSTRAINT "CHK_notification_status" CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED'))
      )`);
        await q.query(`CREATE INDEX "IDX_notification_due" ON notification (not_before) WHERE status = 'PENDING'`);
        await q.query(`CREATE INDEX "IDX_notification_order" ON notification (order_id, id)`);
    }
    async down(q) {
        for (const t of ['notification', 'order_discount', 'order_line', 'fulfillment', 'customer_order'])
            await q.query(`DROP TABLE IF EXISTS ${t}`);
        await q.query(`DROP SEQUENCE IF EXISTS order_number_seq`);
    }
}
//# sourceMappingURL=1763900000002-orders-fulfilment.js.map