import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What merchandisers change after a product is created: archiving a product or a size, alt texts for the
 * images, and the keys the catalogue sorts by. `price_from` is the lowest price of the product's sizes on
 * sale (of all its sizes when none is), kept by the catalogue in the transaction that changes a price or a
 * size, so that sorting by price walks an index like sorting by name does. A variant carries
 * `product_archived` too, so the reads that resolve one SKU (carts, checkout, storesNear) know whether it
 * is for sale without joining its product.
 */
export class CatalogueBackOffice1765300000000 implements MigrationInterface {
  name = 'CatalogueBackOffice1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE product ADD COLUMN archived_at timestamptz`);
    await q.query(`ALTER TABLE product ADD COLUMN image_alts jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE product ADD COLUMN price_from integer`);
    await q.query(`UPDATE product p SET price_from = (SELECT min(v.price_amount) FROM product_variant v WHERE v.product_id = p.id)`);
    await q.query(`UPDATE product SET price_from = 0 WHERE price_from IS NULL`);
    await q.query(`ALTER TABLE product ALTER COLUMN price_from SET NOT NULL`);
    await q.query(`ALTER TABLE product ADD CONSTRAINT "CHK_product_price_from" CHECK (price_from >= 0)`);
    await q.query(`CREATE INDEX "IDX_product_price_from_id" ON product (price_from, id)`);
    await q.query(`CREATE INDEX "IDX_product_created_at_id" ON product (created_at, id)`);
    await q.query(`ALTER TABLE product_variant ADD COLUMN archived_at timestamptz`);
    await q.query(`ALTER TABLE product_variant ADD COLUMN product_archived boolean NOT NULL DEFAULT false`);
    // The size and colour filters: a bitmap of the matching sizes on sale instead of reading every variant.
    await q.query(`CREATE INDEX "IDX_variant_size_on_sale" ON product_variant (lower(size)) WHERE archived_at IS NULL`);
    await q.query(`CREATE INDEX "IDX_variant_colour_on_sale" ON product_variant (lower(colour)) WHERE archived_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_variant_colour_on_sale"`);
    await q.query(`DROP INDEX "IDX_variant_size_on_sale"`);
    await q.query(`ALTER TABLE product_variant DROP COLUMN product_archived`);
    await q.query(`ALTER TABLE product_variant DROP COLUMN archived_at`);
    await q.query(`DROP INDEX "IDX_product_created_at_id"`);
    await q.query(`DROP INDEX "IDX_product_price_from_id"`);
    await q.query(`ALTER TABLE product DROP COLUMN price_from`);
    await q.query(`ALTER TABLE product DROP COLUMN image_alts`);
    await q.query(`ALTER TABLE product DROP COLUMN archived_at`);
  }
}
