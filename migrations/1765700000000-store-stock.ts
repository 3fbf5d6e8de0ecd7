import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Store stock (docs/adr/0031-store-stock-states.md): a level's states beside on hand and held, transfers
 * between locations as documents, and counts.
 *
 * - `unsellable` (on hand, damaged or in inspection) and `safety_stock` (kept for walk-in shoppers) are taken
 *   out of `available`, a stored generated column every read path uses, so a read names one column and the
 *   rule lives in one place. `incoming` is what is on its way to the level (transfers, ship-to-store).
 * - The ledger records every state: a movement has a delta per state, and per level each sums to the state.
 * - variant_stock keeps `available` too (the sum of each level's, which is clamped at 0 per level, so it is
 *   not on_hand - reserved of the totals any more): availableOnline stays one row per variant.
 */
export class StoreStock1765700000000 implements MigrationInterface {
  name = 'StoreStock1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE stock_level
        ADD COLUMN unsellable integer NOT NULL DEFAULT 0,
        ADD COLUMN safety_stock integer NOT NULL DEFAULT 0,
        ADD COLUMN safety_stock_set boolean NOT NULL DEFAULT false,
        ADD COLUMN incoming integer NOT NULL DEFAULT 0,
        ADD COLUMN available integer GENERATED ALWAYS AS (GREATEST(on_hand - reserved - unsellable - safety_stock, 0)) STORED`);
    await q.query(`ALTER TABLE stock_level DROP CONSTRAINT "CHK_stock_level_reserved"`);
    await q.query(`
      ALTER TABLE stock_level
        ADD CONSTRAINT "CHK_stock_level_states" CHECK (
          reserved >= 0 AND unsellable >= 0 AND reserved + unsellable <= on_hand AND safety_stock >= 0 AND incoming >= 0)`);
    // Index-only reads of a variant's levels (sourcing, the ready-by holders) now read `available`.
    await q.query(`DROP INDEX "IDX_stock_level_variant"`);
    await q.query(`CREATE INDEX "IDX_stock_level_variant" ON stock_level (variant_id) INCLUDE (location_id, on_hand, reserved, available)`);

    await q.query(`
      ALTER TABLE stock_movement
        ADD COLUMN unsellable_delta integer NOT NULL DEFAULT 0,
        ADD COLUMN safety_stock_delta integer NOT NULL DEFAULT 0,
        ADD COLUMN incoming_delta integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE stock_movement DROP CONSTRAINT "CHK_stock_movement_nonzero"`);
    await q.query(`
      ALTER TABLE stock_movement ADD CONSTRAINT "CHK_stock_movement_nonzero"
        CHECK (on_hand_delta <> 0 OR reserved_delta <> 0 OR unsellable_delta <> 0 OR safety_stock_delta <> 0 OR incoming_delta <> 0)`);

    // The totals follow each level's `available` (a delta of the generated column, seen by the AFTER trigger).
    await q.query(`ALTER TABLE variant_stock ADD COLUMN available integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE variant_stock ADD CONSTRAINT "CHK_variant_stock_available" CHECK (available >= 0)`);
    await q.query(`
      CREATE FUNCTION variant_stock_add(v uuid, d_on_hand integer, d_reserved integer, d_available integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE variant_stock SET on_hand = on_hand + d_on_hand, reserved = reserved + d_reserved, available = available + d_available
        WHERE variant_id = v;
        IF NOT FOUND THEN
          INSERT INTO variant_stock AS vs (variant_id, on_hand, reserved, available) VALUES (v, d_on_hand, d_reserved, d_available)
          ON CONFLICT (variant_id) DO UPDATE
          SET on_hand = vs.on_hand + EXCLUDED.on_hand, reserved = vs.reserved + EXCLUDED.reserved, available = vs.available + EXCLUDED.available;
        END IF;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION variant_stock_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.variant_id = NEW.variant_id THEN
          PERFORM variant_stock_add(NEW.variant_id, NEW.on_hand - OLD.on_hand, NEW.reserved - OLD.reserved, NEW.available - OLD.available);
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM variant_stock_add(OLD.variant_id, -OLD.on_hand, -OLD.reserved, -OLD.available);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM variant_stock_add(NEW.variant_id, NEW.on_hand, NEW.reserved, NEW.available);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP FUNCTION variant_stock_add(uuid, integer, integer)`);
    await q.query(`DROP TRIGGER variant_stock_sync ON stock_level`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER variant_stock_sync
      AFTER INSERT OR UPDATE OF on_hand, reserved, unsellable, safety_stock, variant_id OR DELETE ON stock_level
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION variant_stock_apply()`);
    // No level had any other state yet. stock_level is locked by the ALTER TABLE above, so no change falls between.
    await q.query(`UPDATE variant_stock SET available = on_hand - reserved`);

    // Ship-to-store fulfilments already on their way count as incoming at their pickup store, with the movement that says so.
    await q.query(`
      WITH moving AS (
        SELECT f.pickup_location_id AS location_id, ol.variant_id, sum(ol.quantity)::int AS quantity, min(o.number) AS reference
        FROM fulfillment f JOIN order_line ol ON ol.fulfillment_id = f.id JOIN customer_order o ON o.id = f.order_id
        WHERE f.type = 'SHIP_TO_STORE' AND f.status = 'IN_TRANSIT'
        GROUP BY 1, 2
      ), levels AS (
        INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved, incoming)
        SELECT location_id, variant_id, 0, 0, quantity FROM moving
        ON CONFLICT (location_id, variant_id) DO UPDATE SET incoming = sl.incoming + EXCLUDED.incoming
      )
      INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, incoming_delta, reason)
      SELECT location_id, variant_id, 'IN_TRANSIT', 0, 0, quantity, 'in transit when incoming was introduced' FROM moving`);

    await q.query(`
      CREATE TABLE stock_safety_default (
        location_id uuid NOT NULL REFERENCES location(id),
        category varchar(100) NOT NULL,
        quantity integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_stock_safety_default" PRIMARY KEY (location_id, category),
        CONSTRAINT "CHK_stock_safety_default_quantity" CHECK (quantity >= 0)
      )`);

    await q.query(`CREATE SEQUENCE stock_transfer_number_seq START 1001`);
    await q.query(`
      CREATE TABLE stock_transfer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(20) NOT NULL DEFAULT 'TR-' || nextval('stock_transfer_number_seq')::text,
        status varchar(12) NOT NULL DEFAULT 'REQUESTED',
        from_location_id uuid NOT NULL REFERENCES location(id),
        to_location_id uuid NOT NULL REFERENCES location(id),
        idempotency_key varchar(100) NOT NULL,
        request_hash varchar(64) NOT NULL,
        created_by uuid NOT NULL REFERENCES staff(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        shipped_at timestamptz,
        received_at timestamptz,
        cancelled_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_stock_transfer_number" UNIQUE (number),
        CONSTRAINT "UQ_stock_transfer_key" UNIQUE (created_by, idempotency_key),
        CONSTRAINT "CHK_stock_transfer_status" CHECK (status IN ('REQUESTED', 'IN_TRANSIT', 'RECEIVED', 'CANCELLED')),
        CONSTRAINT "CHK_stock_transfer_ends" CHECK (from_location_id <> to_location_id)
      )`);
    await q.query(`CREATE INDEX "IDX_stock_transfer_from" ON stock_transfer (from_location_id, status, created_at)`);
    await q.query(`CREATE INDEX "IDX_stock_transfer_to" ON stock_transfer (to_location_id, status, created_at)`);
    await q.query(`
      CREATE TABLE stock_transfer_line (
        transfer_id uuid NOT NULL REFERENCES stock_transfer(id) ON DELETE CASCADE,
        variant_id uuid NOT NULL REFERENCES product_variant(id),
        position integer NOT NULL,
        quantity integer NOT NULL,
        received integer,
        CONSTRAINT "PK_stock_transfer_line" PRIMARY KEY (transfer_id, variant_id),
        CONSTRAINT "CHK_stock_transfer_line_quantity" CHECK (quantity > 0 AND (received IS NULL OR received BETWEEN 0 AND quantity))
      )`);

    await q.query(`
      CREATE TABLE stock_count (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL REFERENCES location(id),
        status varchar(12) NOT NULL DEFAULT 'OPEN',
        created_by uuid NOT NULL REFERENCES staff(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_stock_count_status" CHECK (status IN ('OPEN', 'APPLIED', 'CANCELLED'))
      )`);
    await q.query(`CREATE INDEX "IDX_stock_count_location" ON stock_count (location_id, created_at)`);
    // `open` is true while the count is: one open count per level, so two counts cannot both apply a variance.
    await q.query(`
      CREATE TABLE stock_count_line (
        count_id uuid NOT NULL REFERENCES stock_count(id) ON DELETE CASCADE,
        location_id uuid NOT NULL,
        variant_id uuid NOT NULL REFERENCES product_variant(id),
        sku varchar(64) NOT NULL,
        expected integer NOT NULL,
        counted integer,
        held_short integer NOT NULL DEFAULT 0,
        open boolean NOT NULL DEFAULT true,
        CONSTRAINT "PK_stock_count_line" PRIMARY KEY (count_id, variant_id),
        CONSTRAINT "CHK_stock_count_line_counted" CHECK (counted IS NULL OR counted >= 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_stock_count_line_open" ON stock_count_line (location_id, variant_id) WHERE open`);
    await q.query(`CREATE INDEX "IDX_stock_count_line_sku" ON stock_count_line (count_id, sku)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stock_count_line`);
    await q.query(`DROP TABLE stock_count`);
    await q.query(`DROP TABLE stock_transfer_line`);
    await q.query(`DROP TABLE stock_transfer`);
    await q.query(`DROP SEQUENCE stock_transfer_number_seq`);
    await q.query(`DROP TABLE stock_safety_default`);
    await q.query(`DROP TRIGGER variant_stock_sync ON stock_level`);
    await q.query(`
      CREATE FUNCTION variant_stock_add(v uuid, d_on_hand integer, d_reserved integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE variant_stock SET on_hand = on_hand + d_on_hand, reserved = reserved + d_reserved WHERE variant_id = v;
        IF NOT FOUND THEN
          INSERT INTO variant_stock AS vs (variant_id, on_hand, reserved) VALUES (v, d_on_hand, d_reserved)
          ON CONFLICT (variant_id) DO UPDATE SET on_hand = vs.on_hand + EXCLUDED.on_hand, reserved = vs.reserved + EXCLUDED.reserved;
        END IF;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION variant_stock_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.variant_id = NEW.variant_id THEN
          PERFORM variant_stock_add(NEW.variant_id, NEW.on_hand - OLD.on_hand, NEW.reserved - OLD.reserved);
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM variant_stock_add(OLD.variant_id, -OLD.on_hand, -OLD.reserved);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM variant_stock_add(NEW.variant_id, NEW.on_hand, NEW.reserved);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP FUNCTION variant_stock_add(uuid, integer, integer, integer)`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER variant_stock_sync AFTER INSERT OR UPDATE OF on_hand, reserved, variant_id OR DELETE ON stock_level
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION variant_stock_apply()`);
    await q.query(`ALTER TABLE variant_stock DROP COLUMN available`);
    await q.query(`ALTER TABLE stock_movement DROP CONSTRAINT "CHK_stock_movement_nonzero"`);
    await q.query(`DELETE FROM stock_movement WHERE on_hand_delta = 0 AND reserved_delta = 0`);
    await q.query(`ALTER TABLE stock_movement DROP COLUMN unsellable_delta, DROP COLUMN safety_stock_delta, DROP COLUMN incoming_delta`);
    await q.query(
      `ALTER TABLE stock_movement ADD CONSTRAINT "CHK_stock_movement_nonzero" CHECK (on_hand_delta <> 0 OR reserved_delta <> 0)`,
    );
    await q.query(`DROP INDEX "IDX_stock_level_variant"`);
    await q.query(`ALTER TABLE stock_level DROP CONSTRAINT "CHK_stock_level_states"`);
    await q.query(
      `ALTER TABLE stock_level DROP COLUMN available, DROP COLUMN unsellable, DROP COLUMN safety_stock, DROP COLUMN safety_stock_set, DROP COLUMN incoming`,
    );
    await q.query(`ALTER TABLE stock_level ADD CONSTRAINT "CHK_stock_level_reserved" CHECK (reserved >= 0 AND reserved <= on_hand)`);
    await q.query(`CREATE INDEX "IDX_stock_level_variant" ON stock_level (variant_id) INCLUDE (location_id, on_hand, reserved)`);
  }
}
