// The read path's statements as the built services (dist/, `npm run build`) send them: each service is
// called with a database handle that records what it would send, with inputs drawn from the database.
// Used by bench/explain.mjs (plans) and bench/statement-cost.mjs (CPU per statement).
import 'reflect-metadata';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** [title, [sql, params][]] for each read of the bench's scenarios; `client` is a connected pg.Client. */
export async function readStatements(client, dist = 'dist') {
  const load = (path) => import(pathToFileURL(`${resolve(dist)}/${path}`).href);
  const { ProductSearchService } = await load('libs/catalogue/src/services/product-search.service.js');
  const { CatalogueService } = await load('libs/catalogue/src/services/catalogue.service.js');
  const { StockQueryService } = await load('libs/inventory/src/services/stock-query.service.js');
  const { InventoryCatalogueStockSql } = await load('libs/inventory/src/services/stock-sql.js');
  const { encodeCursor } = await load('libs/common/src/index.js');

  let sent = [];
  const tx = { manager: { query: async (sql, params) => (sent.push([sql, params ?? []]), []) } };
  const noCounts = { get: () => undefined, set: () => undefined, version: () => 0 }; // every page counts, as a miss does
  const stockSql = new InventoryCatalogueStockSql(); // the stock SQL the inventory gives the catalogue's reads
  const search = new ProductSearchService(tx, noCounts, stockSql);
  const catalogue = Object.assign(Object.create(CatalogueService.prototype), { tx, stock: stockSql });
  const stock = new StockQueryService(tx, { get: () => undefined, version: () => 0, set: () => undefined });
  const ctx = { loaders: new Map() }; // a request's DataLoaders (HasLoaders)

  const one = async (sql) => (await client.query(sql)).rows[0];
  const variants = (await client.query('SELECT id FROM product_variant ORDER BY random() LIMIT 100')).rows.map((r) => r.id);
  const { sku } = await one('SELECT sku FROM product_variant ORDER BY random() LIMIT 1');
  const { slug } = await one('SELECT slug FROM product ORDER BY random() LIMIT 1');
  const { name: word } = await one(`SELECT split_part(name, ' ', 1) AS name FROM product ORDER BY random() LIMIT 1`);
  const { name: twoWords } = await one(
    `SELECT split_part(name, ' ', 1) || ' ' || split_part(name, ' ', 2) AS name FROM product ORDER BY random() LIMIT 1`,
  );
  const first = await one('SELECT name, id FROM product ORDER BY name, id OFFSET 200 LIMIT 1');
  const after = encodeCursor([first.name, first.id]);
  const page = { totalCount: true, variants: true, available: true };

  const cases = [
    ['catalogue: first page, count, variants with availability', () => search.search(20, undefined, {}, page)],
    ['catalogue: a later page (count known)', () => search.search(20, after, {}, { ...page, totalCount: false })],
    [`catalogue: search "${word}" with its count`, () => search.search(20, undefined, { search: word }, page)],
    [`catalogue: search "${twoWords}" with its count`, () => search.search(20, undefined, { search: twoWords }, page)],
    [
      `catalogue: search prefix "${word.slice(0, 4)}" with its count`,
      () => search.search(20, undefined, { search: word.slice(0, 4) }, page),
    ],
    ['catalogue: search with no match', () => search.search(20, undefined, { search: 'zzzzqx' }, page)],
    ['product page by slug, variants with availability', () => catalogue.findBySlug(slug, { ctx, available: true })],
    ['availableOnline: 100 variants (cache misses)', () => Promise.all(variants.map((id) => stock.availableOnline(ctx, id)))],
    ['storesNear: 50 km around (47, 2.5)', () => stock.storesNear(47, 2.5, 50, sku)],
  ];
  const out = [];
  for (const [title, call] of cases) {
    sent = [];
    await call().catch(() => undefined); // an empty answer may not suit the caller; the statement is what counts
    if (!sent.length) throw new Error(`${title}: the service sent no statement (has its code moved? update bench/lib/read-statements.mjs)`);
    out.push([title, sent]);
  }
  return out;
}

/** `--dist DIR` and the database URL (argument or DATABASE_URL) from a script's arguments. */
export function databaseAndDist(argv, usage) {
  const args = argv.slice(2);
  const at = args.indexOf('--dist');
  const dist = at >= 0 ? args.splice(at, 2)[1] : 'dist';
  const url = args.find((a) => !a.startsWith('--')) ?? process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(`${usage}\n`);
    process.exit(1);
  }
  return { url, dist, args };
}
