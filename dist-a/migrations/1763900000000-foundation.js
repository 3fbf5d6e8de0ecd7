import {} from 'typeorm';
/**
 * Locations, staff, the catalogue, stock levels and the stock movement ledger.
 * Quantities are guarded by CHECK constraints as the last line of defence against overselling.
 */
export class Foundation1763900000000 {
    name = 'Foundation1763900000000';
    async up(q) {
        await q.query(`
      CREATE TABLE location (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(200) NOT NULL,
        type varchar(16) NOT NULL,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        address_line1 varchar(200),
        address_city varchar(100),
        address_postal_code varchar(20),
        address_country char(2),
        pickup_enabled boolean NOT NULL DEFAULT false,
        pickup_hold_seconds integer NOT NULL DEFAULT 172800,
        time_zone varchar(64) NOT NULL DEFAULT 'Europe/Paris',
        opening_hours jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_location_code" UNIQUE (code),
        CONSTRAINT "CHK_location_type" CHECK (type IN ('STORE', 'WAREHOUSE')),
        CONSTRAINT "CHK_location_geo" CHECK (lat BETWEEN -90 AND 90 AND lng BETWEEN -180 AND 180),
        CONSTRAINT "CHK_location_pickup_store" CHECK (NOT pickup_enabled OR type = 'STORE'),
        CONSTRAINT "CHK_location_pickup_hold" CHECK (pickup_hold_seconds > 0)
      )`);
        // storesNear: a bounding box on (lat, lng) over pickup stores only, then the exact distance.
        await q.query(`CREATE INDEX "IDX_location_pickup_store_geo" ON location (lat, lng) WHERE type = 'STORE' AND pickup_enabled`);
        await q.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        name varchar(200),
        role varchar(16) NOT NULL,
        location_id uuid REFERENCES location(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_staff_role" CHECK (role IN ('ASSOCIATE', 'MANAGER', 'ADMIN')),
        CONSTRAINT "CHK_staff_location" CHECK (role = 'ADMIN' OR location_id IS NOT NULL)
      )`);
        await q.query(`CREATE UNIQUE INDEX "UQ_staff_email" ON staff (lower(email))`);
        await q.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(200) NOT NULL,
        name varchar(300) NOT NULL,
        description text,
        brand varchar(100),
        category varchar(100),
        images jsonb NOT NULL DEFAULT '[]',
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_product_slug" UNIQUE (slug)
      )`);
        await q.query(`CREATE INDEX "IDX_product_search" ON product USING gin (search_vector)`);
        await q.query(`CREATE INDEX "IDX_product_name_id" ON product (name, id)`);
        await q.query(`CREATE INDEX "IDX_product_category_name_id" ON product (category, name, id)`);
        await q.query(`
      CREATE TABLE product_variant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        position integer NOT NULL,
        sku varchar(64) NOT NULL,
        size varchar(32),
        colour varchar(64),
        price_amount integer NOT NULL,
        price_currency char(3) NOT NULL,
        barcode varchar(32),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_variant_sku" UNIQUE (sku),
        CONSTRAINT "UQ_variant_product_position" UNIQUE (product_id, position),
        CONSTRAINT "CHK_variant_price" CHECK (price_amount >= 0)
      )`);
        await q.query(`CREATE UNIQUE INDEX "UQ_variant_barcode" ON product_variant (barcode) WHERE barcode IS NOT NULL`);
        await q.query(`
      CREATE TABLE stock_level (
        location_id uuid NOT NULL REFERENCES location(id),
        variant_id uuid NOT NULL REFERENCES product_variant(id),
        on_hand integer NOT NULL DEFAULT 0,
        reserved integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_stock_level" PRIMARY KEY (location_id, variant_id),
        CONSTRAINT "CHK_stock_level_on_hand" CHECK (on_hand >= 0),
        CONSTRAINT "CHK_stock_level_reserved" CHECK (reserved >= 0 AND reserved <= on_hand)
      )`);
        // Per-variant reads across locations (availableOnline, storesNear) without touching the heap.
        await q.query(`CREATE INDEX "IDX_stock_level_variant" ON stock_level (variant_id) INCLUDE (location_id, on_hand, reserved)`);
        await q.query(`
      CREATE TABLE stock_movement (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        location_id uuid NOT NULL,
        variant_id uuid NOT NULL,
        type varchar(24) NOT NULL,
        on_hand_delta integer NOT NULL,
        reserved_delta integer NOT NULL,
        reason varchar(200),
        reference varchar(100),
        staff_id uuid REFERENCES staff(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "FK_stock_movement_level" FOREIGN KEY (location_id, variant_id) REFERENCES stock_level(location_id, variant_id),
        CONSTRAINT "CHK_stock_movement_nonzero" CHECK (on_hand_delta <> 0 OR reserved_delta <> 0)
      )`);
        await q.query(`CREATE INDEX "IDX_stock_movement_level_time" ON stock_movement (location_id, variant_id, created_at)`);
    }
    async down(q) {
        for (const t of ['stock_movement', 'stock_level', 'product_variant', 'product', 'staff', 'location']) {
            await q.query(`DROP TABLE IF EXISTS ${t}`);
        }
    }
}
//# sourceMappingURL=1763900000000-foundation.js.map