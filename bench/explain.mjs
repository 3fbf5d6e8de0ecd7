// node bench/explain.mjs postgres://…/DB: EXPLAIN (ANALYZE, BUFFERS) of the read path's queries, as the
// service sends them (copied from product-search.service.ts, stock-query.service.ts and geo.ts; keep
// them in step), with inputs drawn from the database.
import pg from 'pg';

const url = process.argv[2] ?? process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('usage: node bench/explain.mjs postgres://…/DATABASE\n');
  process.exit(1);
}
const client = new pg.Client({ connectionString: url, application_name: 'bench-explain' });
await client.connect();

const one = async (sql, params = []) => (await client.query(sql, params)).rows[0];
const variants = (await client.query('SELECT id FROM product_variant ORDER BY random() LIMIT 100')).rows.map((r) => r.id);
const { name: lastName, id: lastId } = await one('SELECT name, id FROM product ORDER BY name, id OFFSET 200 LIMIT 1');
const productCols = 'p.id, p.slug, p.name, p.description, p.brand, p.category, p.images, p.created_at';
const distance = `(2 * 6371.0088 * asin(sqrt(power(sin(radians(l.lat - $1) / 2), 2) + cos(radians($1)) * cos(radians(l.lat)) * power(sin(radians(l.lng - $2) / 2), 2))))`;
const dLat = (50 / 6371.0088) * (180 / Math.PI);
const dLng = dLat / Math.cos((47 * Math.PI) / 180);

const queries = [
  ['catalogue: first page', `SELECT ${productCols} FROM product p ORDER BY p.name, p.id LIMIT 21`],
  ['catalogue: totalCount', 'SELECT COUNT(1) AS cnt FROM product p'],
  ['catalogue: a later page', `SELECT ${productCols} FROM product p WHERE (p.name, p.id) > ($1, CAST($2 AS uuid)) ORDER BY p.name, p.id LIMIT 21`, [lastName, lastId]],
  ['catalogue: search one common word', `SELECT ${productCols} FROM product p WHERE p.search_vector @@ to_tsquery('simple', $1) ORDER BY p.name, p.id LIMIT 21`, ['coat:*']],
  ['catalogue: search totalCount', `SELECT COUNT(1) AS cnt FROM product p WHERE p.search_vector @@ to_tsquery('simple', $1)`, ['coat:*']],
  ['catalogue: search two words', `SELECT ${productCols} FROM product p WHERE p.search_vector @@ to_tsquery('simple', $1) ORDER BY p.name, p.id LIMIT 21`, ['trench:* & navy:*']],
  ['catalogue: search with no match', `SELECT ${productCols} FROM product p WHERE p.search_vector @@ to_tsquery('simple', $1) ORDER BY p.name, p.id LIMIT 21`, ['zzzz:*']],
  ['catalogue: variants of 20 products', `SELECT * FROM product_variant WHERE product_id IN (SELECT id FROM product ORDER BY name, id LIMIT 20) ORDER BY product_id, position`],
  ['availableOnline: 100 variants', `SELECT variant_id AS "variantId", SUM(GREATEST(on_hand - reserved, 0))::int AS available
     FROM stock_level WHERE variant_id = ANY($1::uuid[]) GROUP BY variant_id`, [variants]],
  ['storesNear: 50 km around (47, 2.5)', `SELECT l.id AS "locationId", d.km AS "distanceKm", COALESCE(GREATEST(sl.on_hand - sl.reserved, 0), 0)::int AS available
     FROM location l CROSS JOIN LATERAL (SELECT ${distance} AS km) d
     LEFT JOIN stock_level sl ON sl.location_id = l.id AND sl.variant_id = $4
     WHERE l.type = 'STORE' AND l.pickup_enabled AND l.lat BETWEEN $5 AND $6 AND l.lng BETWEEN $7 AND $8 AND d.km <= $3
     ORDER BY d.km, l.id`, [47, 2.5, 50, variants[0], 47 - dLat, 47 + dLat, 2.5 - dLng, 2.5 + dLng]],
];

for (const [title, sql, params] of queries) {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params ?? []);
  process.stdout.write(`\n-- ${title}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
}
await client.end();
