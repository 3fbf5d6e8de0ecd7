import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionHost } from '@app/common';
import { productSeed } from './demo-catalogue.js';
import { DEMO_LOCATIONS, generatedLocations, type LocationSeed } from './demo-locations.js';

export interface LoadOptions {
  products: number;
  /** Locations: the 22 named ones first, then generated ones. */
  locations: number;
  /** Sizes per product; unset keeps each type's own size run. */
  sizes?: number;
}

const CHUNK = 2000;

/**
 * Loads a retailer's catalogue, network and stock in bulk: multi-row inserts from arrays (unnest) and
 * one INSERT … SELECT for the stock levels and their SEED movements, so 10,000 products x 5 sizes x 200
 * locations (5 million levels) loads in minutes, not hours. Stock is spread unevenly on purpose.
 */
@Injectable()
export class BulkLoader {
  private readonly logger = new Logger(BulkLoader.name);

  constructor(private readonly tx: TransactionHost) {}

  async load(opts: LoadOptions): Promise<{ products: number; variants: number; locations: number; stockLevels: number }> {
    const started = Date.now();
    const random = mulberry32(42);
    const seeds: LocationSeed[] = [
      ...DEMO_LOCATIONS.slice(0, opts.locations),
      ...generatedLocations(Math.max(0, opts.locations - DEMO_LOCATIONS.length), random),
    ];
    return this.tx.run(async (em) => {
      const locationIds = (
        await em.query<{ id: string }[]>(
          `INSERT INTO location (code, name, type, lat, lng, address_line1, address_city, address_postal_code, address_country,
                                pickup_enabled, ships_orders, opening_hours)
         SELECT code, name, type, lat, lng, line1, city, pc, 'FR', type = 'STORE', type = 'WAREHOUSE', $9::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::text[], $8::text[])
           AS t(code, name, type, lat, lng, line1, city, pc)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
          [
            seeds.map((s) => s.code),
            seeds.map((s) => s.name),
            seeds.map((s) => s.type),
            seeds.map((s) => s.lat),
            seeds.map((s) => s.lng),
            seeds.map((s) => s.line1),
            seeds.map((s) => s.city),
            seeds.map((s) => s.postalCode),
            JSON.stringify(STORE_HOURS),
          ],
        )
      ).map((r) => r.id);

      const productIds: string[] = [];
      let variants = 0;
      for (let from = 0; from < opts.products; from += CHUNK) {
        const batch = Array.from({ length: Math.min(CHUNK, opts.products - from) }, (_, i) => productSeed(from + i, opts.sizes));
        const ids = await em.query<{ id: string; slug: string }[]>(
          `INSERT INTO product (slug, name, description, brand, category, price_from)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
           ON CONFLICT (slug) DO NOTHING RETURNING id, slug`,
          [
            batch.map((p) => p.slug),
            batch.map((p) => p.name),
            batch.map((p) => p.description),
            batch.map((p) => p.brand),
            batch.map((p) => p.category),
            batch.map((p) => Math.min(...p.variants.map((v) => v.price))), // the catalogue's sort key (CatalogueBackOffice migration)
          ],
        );
        const idBySlug = new Map(ids.map((r) => [r.slug, r.id]));
        productIds.push(
          ...(await em.query<{ id: string }[]>(`SELECT id FROM product WHERE slug = ANY($1::text[])`, [batch.map((p) => p.slug)])).map(
            (r) => r.id,
          ),
        );
        const rows = batch
          .filter((p) => idBySlug.has(p.slug))
          .flatMap((p) => p.variants.map((v, position) => ({ ...v, position, productId: idBySlug.get(p.slug)! })));
        await em.query(
          `INSERT INTO product_variant (product_id, position, sku, size, colour, price_amount, price_currency)
           SELECT pid, pos, sku, size, colour, price, 'EUR'
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[]) AS t(pid, pos, sku, size, colour, price)`,
          [
            rows.map((r) => r.productId),
            rows.map((r) => r.position),
            rows.map((r) => r.sku),
            rows.map((r) => r.size),
            rows.map((r) => r.colour),
            rows.map((r) => r.price),
          ],
        );
        variants += rows.length;
      }

      // Every (location, variant) pair of this load that has no level yet: about half the store pairs and nearly every
      // warehouse pair hold stock, in uneven quantities, so some sizes are missing in some stores. Pseudo-random but
      // repeatable (hashtext).
      // One row-trigger call per level would queue millions of events: the totals are summed once instead, with the trigger off
      // (ALTER TABLE locks stock_level, so no other change can fall between the two).
      // Changes made earlier in this transaction are counted now: ALTER TABLE refuses a table with deferred events pending.
      await em.query(`SET CONSTRAINTS variant_stock_sync IMMEDIATE`);
      await em.query(`ALTER TABLE stock_level DISABLE TRIGGER variant_stock_sync`);
      const keys = await dropStockForeignKeysIfEmpty(em);
      const [{ count }] = await em.query<{ count: number }[]>(
        `WITH inserted AS (
           INSERT INTO stock_level (location_id, variant_id, on_hand, reserved)
           SELECT l.id, v.id,
             CASE WHEN l.type = 'WAREHOUSE' THEN 5 + abs(hashtext(v.sku || l.code)) % 60 ELSE 1 + abs(hashtext(v.sku || l.code)) % 6 END, 0
           FROM location l CROSS JOIN product_variant v
           WHERE l.code = ANY($1::text[]) AND v.product_id = ANY($2::uuid[])
             AND abs(hashtext(l.code || v.sku)) % 100 < CASE WHEN l.type = 'WAREHOUSE' THEN 90 ELSE 48 END
           ON CONFLICT DO NOTHING
           RETURNING location_id, variant_id, on_hand)
         , moved AS (
           INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, reason)
           SELECT location_id, variant_id, 'SEED', on_hand, 0, 'initial stock' FROM inserted RETURNING 1)
         SELECT count(*)::int AS count FROM moved`,
        [seeds.map((s) => s.code), productIds],
      );
      await em.query(
        `INSERT INTO variant_stock AS vs (variant_id, on_hand, reserved, available)
         SELECT sl.variant_id, sum(sl.on_hand), sum(sl.reserved), sum(sl.available) FROM stock_level sl JOIN product_variant v ON v.id = sl.variant_id
         WHERE v.product_id = ANY($1::uuid[]) GROUP BY sl.variant_id
         ON CONFLICT (variant_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, available = EXCLUDED.available`,
        [productIds],
      );
      for (const { add } of keys) await em.query(add);
      await em.query(`ALTER TABLE stock_level ENABLE TRIGGER variant_stock_sync`);
      await em.query(`SET CONSTRAINTS variant_stock_sync DEFERRED`);
      this.logger.log(`loaded ${locationIds.length} locations, ${variants} variants, ${count} stock levels in ${Date.now() - started} ms`);
      return { products: opts.products, variants, locations: locationIds.length, stockLevels: count };
    });
  }
}

/**
 * Checked row by row, the foreign keys of the levels (to location and variant) and of their movements (to
 * the level) were half of a load's time: 1 million levels in 22 s without them against 47 s with them.
 * Into an empty stock_level they are dropped here and added back as they were after the insert (the
 * caller runs each `add`), which checks every row in one join. Not on a database that already holds stock:
 * dropping a key locks the tables it joins, and there the load should not stop other readers.
 */
async function dropStockForeignKeysIfEmpty(em: EntityManager): Promise<{ add: string }[]> {
  const [{ empty }] = await em.query<{ empty: boolean }[]>(`SELECT NOT EXISTS (SELECT 1 FROM stock_level) AS empty`);
  if (!empty) return [];
  const keys = await em.query<{ drop: string; add: string }[]>(
    `SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop,
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS add
     FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('stock_level'::regclass, 'stock_movement'::regclass)
     ORDER BY conrelid, conname`,
  ); // the levels' primary key, which the movements' key needs, is not among them
  for (const { drop } of keys) await em.query(drop);
  return keys;
}

const STORE_HOURS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'].map((day) => ({ day, opens: '10:00', closes: '19:30' }));

/** A small seeded PRNG, so generated locations are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
