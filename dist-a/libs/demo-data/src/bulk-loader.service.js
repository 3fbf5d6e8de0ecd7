var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var BulkLoader_1;
import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '../../common/src/index.js';
import { productSeed } from './demo-catalogue.js';
import { DEMO_LOCATIONS, generatedLocations } from './demo-locations.js';
const CHUNK = 2000;
/**
 * Loads a retailer's catalogue, network and stock in bulk: multi-row inserts from arrays (unnest) and
 * one INSERT … SELECT for the stock levels and their SEED movements, so 10,000 products x 5 sizes x 200
 * locations (5 million levels) loads in minutes, not hours. Stock is spread unevenly on purpose.
 */
let BulkLoader = BulkLoader_1 = class BulkLoader {
    tx;
    logger = new Logger(BulkLoader_1.name);
    constructor(tx) {
        this.tx = tx;
    }
    async load(opts) {
        const started = Date.now();
        const random = mulberry32(42);
        const seeds = [...DEMO_LOCATIONS.slice(0, opts.locations), ...generatedLocations(Math.max(0, opts.locations - DEMO_LOCATIONS.length), random)];
        return this.tx.run(async (em) => {
            const locationIds = (await em.query(`INSERT INTO location (code, name, type, lat, lng, address_line1, address_city, address_postal_code, address_country, pickup_enabled, opening_hours)
         SELECT code, name, type, lat, lng, line1, city, pc, 'FR', type = 'STORE', $9::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::text[], $8::text[]) AS t(code, name, type, lat, lng, line1, city, pc)
         ON CONFLICT (code) DO NOTHING RETURNING id`, [seeds.map((s) => s.code), seeds.map((s) => s.name), seeds.map((s) => s.type), seeds.map((s) => s.lat), seeds.map((s) => s.lng),
                seeds.map((s) => s.line1), seeds.map((s) => s.city), seeds.map((s) => s.postalCode), JSON.stringify(STORE_HOURS)])).map((r) => r.id);
            const productIds = [];
            let variants = 0;
            for (let from = 0; from < opts.products; from += CHUNK) {
                const batch = Array.from({ length: Math.min(CHUNK, opts.products - from) }, (_, i) => productSeed(from + i, opts.sizes));
                const ids = await em.query(`INSERT INTO product (slug, name, description, brand, category)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           ON CONFLICT (slug) DO NOTHING RETURNING id, slug`, [batch.map((p) => p.slug), batch.map((p) => p.name), batch.map((p) => p.description), batch.map((p) => p.brand), batch.map((p) => p.category)]);
                const idBySlug = new Map(ids.map((r) => [r.slug, r.id]));
                productIds.push(...(await em.query(`SELECT id FROM product WHERE slug = ANY($1::text[])`, [batch.map((p) => p.slug)])).map((r) => r.id));
                const rows = batch.filter((p) => idBySlug.has(p.slug)).flatMap((p) => p.variants.map((v, position) => ({ ...v, position, productId: idBySlug.get(p.slug) })));
                await em.query(`INSERT INTO product_variant (product_id, position, sku, size, colour, price_amount, price_currency)
           SELECT pid, pos, sku, size, colour, price, 'EUR' FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[]) AS t(pid, pos, sku, size, colour, price)`, [rows.map((r) => r.productId), rows.map((r) => r.position), rows.map((r) => r.sku), rows.map((r) => r.size), rows.map((r) => r.colour), rows.map((r) => r.price)]);
                variants += rows.length;
            }
            // Every (location, variant) pair of this load that has no level yet: about half the store pairs and nearly every warehouse pair hold stock, in uneven
            // quantities, so some sizes are missing in some stores. Pseudo-random but repeatable (hashtext).
            // One row-trigger call per level would queue millions of events: the totals are summed once instead, with the trigger off
            // (ALTER TABLE locks stock_level, so no other change can fall between the two).
            // Changes made earlier in this transaction are counted now: ALTER TABLE refuses a table with deferred events pending.
            await em.query(`SET CONSTRAINTS variant_stock_sync IMMEDIATE`);
            await em.query(`ALTER TABLE stock_level DISABLE TRIGGER variant_stock_sync`);
            const [{ count }] = await em.query(`WITH inserted AS (
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
         SELECT count(*)::int AS count FROM moved`, [seeds.map((s) => s.code), productIds]);
            await em.query(`INSERT INTO variant_stock AS vs (variant_id, on_hand, reserved)
         SELECT sl.variant_id, sum(sl.on_hand), sum(sl.reserved) FROM stock_level sl JOIN product_variant v ON v.id = sl.variant_id
         WHERE v.product_id = ANY($1::uuid[]) GROUP BY sl.variant_id
         ON CONFLICT (variant_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved`, [productIds]);
            await em.query(`ALTER TABLE stock_level ENABLE TRIGGER variant_stock_sync`);
            await em.query(`SET CONSTRAINTS variant_stock_sync DEFERRED`);
            this.logger.log(`loaded ${locationIds.length} locations, ${variants} variants, ${count} stock levels in ${Date.now() - started} ms`);
            return { products: opts.products, variants, locations: locationIds.length, stockLevels: count };
        });
    }
};
BulkLoader = BulkLoader_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost])
], BulkLoader);
export { BulkLoader };
const STORE_HOURS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'].map((day) => ({ day, opens: '10:00', closes: '19:30' }));
/** A small seeded PRNG, so generated locations are the same on every run. */
function mulberry32(seed) {
    let a = seed;
    return () => {
        a |= 0;
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
//# sourceMappingURL=bulk-loader.service.js.map