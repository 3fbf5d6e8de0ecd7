import {} from 'typeorm';
/**
 * Customers, promotions and carts. One ACTIVE cart per customer (partial unique index); a cart line is
 * unique per (variant, fulfilment type, pickup store), so adding the same thing again adds to the line.
 */
export class CustomersCartsPromotions1763900000001 {
    name = 'CustomersCartsPromotions1763900000001';
    async up(q) {
        await q.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        name varchar(200),
        phone varchar(16),
        created_via varchar(8) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_customer_phone" CHECK (phone IS NULL OR phone ~ '^\\+[1-9][0-9]{6,14}$')
      )`);
        await q.query(`CREATE UNIQUE INDEX "UQ_customer_email" ON customer (lower(email))`);
        await q.query(`CREATE INDEX "IDX_customer_phone" ON customer (phone) WHERE phone IS NOT NULL`);
        await q.query(`
      CREATE TABLE promotion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL,
        percent_off integer,
        amount_off integer,
        currency char(3),
        channels varchar(8)[],
        starts_at timestamptz,
        ends_at timestamptz,
        min_subtotal integer,
        usage_limit integer,
        times_used integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_promotion_kind" CHECK ((percent_off IS NULL) <> (amount_off IS NULL)),
        CONSTRAINT "CHK_promotion_percent" CHECK (percent_off IS NULL OR percent_off BETWEEN 1 AND 100),
        CONSTRAINT "CHK_promotion_amount" CHECK (amount_off IS NULL OR (amount_off > 0 AND currency IS NOT NULL)),
        CONSTRAINT "CHK_promotion_min_subtotal" CHECK (min_subtotal IS NULL OR (min_subtotal > 0 AND currency IS NOT NULL)),
        CONSTRAINT "CHK_promotion_window" CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at < ends_at),
        CONSTRAINT "CHK_promotion_usage" CHECK (times_used >= 0 AND (usage_limit IS NULL OR times_used <= usage_limit))
      )`);
        await q.query(`CREATE UNIQUE INDEX "UQ_promotion_code" ON promotion (upper(code))`);
        await q.query(`
      CREATE TABLE cart (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid REFERENCES customer(id),
        status varchar(16) NOT NULL DEFAULT 'ACTIVE',
        created_via varchar(8) NOT NULL,
        merged_into uuid REFERENCES cart(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_cart_status" CHECK (status IN ('ACTIVE', 'MERGED', 'ORDERED'))
      )`);
        await q.query(`CREATE UNIQUE INDEX "UQ_cart_active_customer" ON cart (customer_id) WHERE status = 'ACTIVE' AND customer_id IS NOT NULL`);
        await q.query(`
      CREATE TABLE cart_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        cart_id uuid NOT NULL REFERENCES cart(id) ON DELETE CASCADE,
        variant_id uuid NOT NULL REFERENCES product_variant(id),
        quantity integer NOT NULL,
        fulfillment_type varchar(16) NOT NULL,
        location_id uuid REFERENCES location(id),
        added_via varchar(8) NOT NULL,
        added_by_staff_id uuid REFERENCES staff(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_cart_line_quantity" CHECK (quantity > 0),
        CONSTRAINT "CHK_cart_line_fulfillment" CHECK (
          (fulfillment_type = 'DELIVERY' AND location_id IS NULL) OR (fulfillment_type = 'PICKUP' AND location_id IS NOT NULL))
      )`);
        await q.query(`CREATE UNIQUE INDEX "UQ_cart_line_item" ON cart_line (cart_id, variant_id, fulfillment_type, location_id) NULLS NOT DISTINCT`);
        await q.query(`CREATE INDEX "IDX_cart_line_cart_seq" ON cart_line (cart_id, seq)`);
        await q.query(`
      CREATE TABLE cart_discount_code (
        cart_id uuid NOT NULL REFERENCES cart(id) ON DELETE CASCADE,
        promotion_id uuid NOT NULL REFERENCES promotion(id),
        position integer NOT NULL,
        CONSTRAINT "PK_cart_discount_code" PRIMARY KEY (cart_id, promotion_id)
      )`);
    }
    async down(q) {
        for (const t of ['cart_discount_code', 'cart_line', 'cart', 'promotion', 'customer'])
            await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
}
//# sourceMappingURL=1763900000001-customers-carts-promotions.js.map