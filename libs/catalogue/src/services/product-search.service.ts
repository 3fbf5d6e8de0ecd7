import { Injectable } from '@nestjs/common';
import {
  badInput,
  decodeCursor,
  encodeCursor,
  epochMicrosSql,
  fromEpochMicrosSql,
  isUuid,
  MAX_AMOUNT,
  pageSize,
  TransactionHost,
} from '@app/common';
import { CatalogueStockSql } from './catalogue-stock-sql.js';
import { ProductFilter, ProductSort } from '../dto/product-filter.input.js';
import type { ProductRow } from '../models/catalogue.mapper.js';
import { LISTED, LISTED_VARIANTS_OF, type ListedVariant, type ListedVariantColumns, listedVariants } from './listed-variant.js';
import { ProductCountCache } from './product-count-cache.js';

export interface ProductPage {
  /** null when not asked for. */
  totalCount: number | null;
  hasNextPage: boolean;
  /** variants: each product's, when asked for. */
  rows: { cursor: string; product: ProductRow; variants?: ListedVariant[] }[];
}

/** What the page is asked to carry besides its products, each costing PostgreSQL work when asked for. */
export interface PageExtras {
  totalCount?: boolean;
  variants?: boolean;
  /** With the variants: what each has free online (ListedVariant.available). */
  available?: boolean;
}

type PageRow = ProductRow & { totalCount?: number; variants?: ListedVariantColumns | null; sortKey?: string | number };

/** What a listing shows of a product: ProductEntity's fields but its creation time and sort keys (all it lists is on sale). */
const PRODUCT_COLUMNS = `id, slug, name, description, brand, category, images, image_alts AS "imageAlts"`;
/** The same columns under their own names, for a search's fenced subquery that PRODUCT_COLUMNS then reads. */
const RAW_COLUMNS = 'id, slug, name, description, brand, category, images, image_alts';

/**
 * The catalogue listing: keyset pagination over (name, id) or another sort key (SORTS), full-text word search on names through the
 * GIN index, category, and "available at this location" as an EXISTS over stock levels. Plain SQL: the
 * two queries of a page built by TypeORM's query builder cost more server CPU than PostgreSQL spent on
 * them (docs/adr/0014-one-statement-per-read.md). One statement per page, count and variants included: on this machine a
 * round trip to PostgreSQL (a socket write, a wake-up) cost more of the API's CPU than reading the rows.
 */
@Injectable()
export class ProductSearchService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly counts: ProductCountCache,
    private readonly stock: CatalogueStockSql,
  ) {}

  async search(
    first: number,
    after: string | undefined,
    filter: ProductFilter = {},
    extras: PageExtras = {},
    sortBy: ProductSort = ProductSort.NAME,
  ): Promise<ProductPage> {
    const limit = pageSize(first);
    const sort = SORTS[sortBy];
    const where: string[] = ['p.archived_at IS NULL']; // archived products leave listings and search
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    const query = toTsQuery(filter.search);
    if (query) where.push(`p.search_vector @@ to_tsquery('simple', ${param(query)})`);
    const category = filter.category ? filter.category.trim().toLowerCase() : null; // "" filters nothing, "  " filters on ''
    if (category !== null) where.push(`p.category = ${param(category)}`);
    const variantFilter = this.variantFilter(filter, param);
    if (variantFilter) where.push(variantFilter);
    const filtered = `WHERE ${where.join(' AND ')}`;
    if (after) {
      const c = decodeSortCursor(after, sort);
      where.push(sort.after(c.key, c.id, param));
    }
    const paged = `WHERE ${where.join(' AND ')}`;
    const columns = sort.column === 'name' ? RAW_COLUMNS : `${RAW_COLUMNS}, p.${sort.column}`;
    const key = sort.column === 'name' ? '' : `, ${sort.key('p')} AS "sortKey"`;
    // A search's matches come from the GIN index and are then sorted: fenced (OFFSET 0) so that no plan walks
    // the name index testing every product instead, which a custom plan does for a prefix it cannot
    // estimate, at a cost that grows with the catalogue (docs/adr/0004-search-and-stores-near-in-postgresql.md).
    const source = query ? `(SELECT ${columns} FROM product p ${paged} OFFSET 0) p` : `product p ${paged}`;
    const page = `SELECT ${PRODUCT_COLUMNS}${key} FROM ${source} ORDER BY ${sort.orderBy('p')} LIMIT ${param(limit + 1)}`;
    // NEWEST's key is text (exact microseconds): compared as a number, not as digits.
    const outerKey = sort.column === 'created_at' ? `pg."sortKey"::bigint` : `pg."sortKey"`;
    const outerOrder = sort.column === 'name' ? sort.orderBy('pg') : `${outerKey} ${sort.dir}, pg.id ${sort.dir}`;
    const variants = extras.variants
      ? `, ${LISTED_VARIANTS_OF('pg', extras.available ? this.stock.totals('v.id') : undefined)} AS variants`
      : '';
    // The count's parameters are the first ones of the page's: both can share them. Joined from the
    // count, an empty page is still one row, carrying the count and null columns.
    // Stock changes all the time: a count over it is not kept.
    const countKey = filter.availableAt
      ? null
      : JSON.stringify([query, category, filter.sizes, filter.colours, filter.minPrice, filter.maxPrice]);
    const known = extras.totalCount && countKey !== null ? this.counts.get(countKey) : undefined;
    const counting = extras.totalCount && known === undefined;
    const version = this.counts.version();
    const sql = counting
      ? `SELECT c.total AS "totalCount", pg.*${variants} FROM (SELECT count(*)::int AS total FROM product p ${filtered}) c
         LEFT JOIN LATERAL (${page}) pg ON true ORDER BY ${outerOrder}`
      : `SELECT pg.*${variants} FROM (${page}) pg ORDER BY ${outerOrder}`;
    const found: PageRow[] = await this.tx.manager.query(sql, params);
    const products = found[0]?.id === null ? [] : found;
    const rows = products.slice(0, limit).map(({ totalCount: _, variants: v, sortKey, ...product }) => ({
      cursor: encodeCursor(sort.column === 'name' ? [product.name, product.id] : [sort.tag, sortKey!, product.id]),
      product,
      ...(extras.variants ? { variants: listedVariants(product.id, v) } : {}),
    }));
    const totalCount = counting ? (found[0]?.totalCount ?? 0) : (known ?? null);
    if (counting && countKey !== null) this.counts.set(countKey, totalCount!, version);
    return { totalCount, hasNextPage: products.length > limit, rows };
  }

  /**
   * Categories that have products on sale, by name, with how many. One aggregate over the category index;
   * a storefront's menu asks it on every page, so it is among the public answers the response cache keeps.
   */
  categories(): Promise<{ name: string; productCount: number }[]> {
    return this.tx.manager.query(
      `SELECT category AS name, count(*)::int AS "productCount" FROM product
       WHERE archived_at IS NULL AND category IS NOT NULL GROUP BY category ORDER BY category`,
    );
  }

  /**
   * The size, colour, price and availableAt filters as one EXISTS over the product's sizes on sale: one
   * variant must match them all (a size 41 in black, free at this store), not one variant each.
   */
  private variantFilter(filter: ProductFilter, param: (v: unknown) => string): string | null {
    const conditions = [LISTED('v')];
    const sizes = normalised(filter.sizes);
    if (sizes) conditions.push(`lower(v.size) = ANY(${param(sizes)}::text[])`);
    const colours = normalised(filter.colours);
    if (colours) conditions.push(`lower(v.colour) = ANY(${param(colours)}::text[])`);
    const { minPrice, maxPrice } = filter; // checked by checkProductFilter
    if (minPrice != null) conditions.push(`v.price_amount >= ${param(minPrice)}::int`);
    if (maxPrice != null) conditions.push(`v.price_amount <= ${param(maxPrice)}::int`);
    if (conditions.length === 1 && !filter.availableAt) return null;
    // Stock lives in the inventory domain: the join that tests it is the inventory's SQL (CatalogueStockSql).
    const stock = filter.availableAt ? this.stock.availableAtJoin('v.id', param(filter.availableAt)) : '';
    return `EXISTS (SELECT 1 FROM product_variant v ${stock} WHERE v.product_id = p.id AND ${conditions.join(' AND ')})`;
  }
}

/** Sizes or colours as compared: trimmed, lower-case, each once; null when none is given. */
function normalised(values: string[] | null | undefined): string[] | null {
  const set = [...new Set((values ?? []).map((v) => v.trim().toLowerCase()))];
  return set.length ? set : null;
}

interface Sort {
  /** What the cursors of this sort start with (none for NAME, whose cursors are [name, id] as before sorts existed). */
  tag: string;
  column: 'name' | 'price_from' | 'created_at';
  dir: 'ASC' | 'DESC';
  /** The sort key of product `alias` as the cursor carries it. */
  key: (alias: string) => string;
  /** Checks a cursor's key and gives the SQL condition "after it". */
  after: (key: string | number, id: string, param: (v: unknown) => string) => string;
  orderBy: (alias: string) => string;
}

function sortOn(
  tag: string,
  column: Sort['column'],
  dir: Sort['dir'],
  key: Sort['key'],
  value: (k: string | number, param: (v: unknown) => string) => string | null,
): Sort {
  const cmp = dir === 'ASC' ? '>' : '<';
  return {
    tag,
    column,
    dir,
    key,
    orderBy: (a) => `${a}.${column} ${dir}, ${a}.id ${dir}`,
    after: (k, id, param) => {
      const v = value(k, param);
      if (v === null) throw notIssued();
      return `(p.${column}, p.id) ${cmp} (${v}, ${param(id)}::uuid)`;
    },
  };
}

/**
 * Each sort walks an index on (key, id), forwards or backwards, so a page costs the same wherever it is.
 * NEWEST's cursor holds the creation time in microseconds since 1970 (exact, unlike a JavaScript date: time-cursor.ts).
 */
const SORTS: Record<ProductSort, Sort> = {
  [ProductSort.NAME]: sortOn(
    '',
    'name',
    'ASC',
    (a) => `${a}.name`,
    (k, param) => (typeof k === 'string' ? param(k) : null),
  ),
  [ProductSort.PRICE_ASC]: sortOn('p', 'price_from', 'ASC', (a) => `${a}.price_from`, priceAfter),
  [ProductSort.PRICE_DESC]: sortOn('P', 'price_from', 'DESC', (a) => `${a}.price_from`, priceAfter),
  [ProductSort.NEWEST]: sortOn(
    'n',
    'created_at',
    'DESC',
    (a) => epochMicrosSql(`${a}.created_at`),
    (k, param) => (typeof k === 'string' && /^\d{1,16}$/.test(k) ? fromEpochMicrosSql(param(k)) : null),
  ),
};

function priceAfter(k: string | number, param: (v: unknown) => string): string | null {
  return typeof k === 'number' && Number.isInteger(k) && k >= 0 && k <= MAX_AMOUNT ? `${param(k)}::int` : null;
}

const notIssued = () => badInput('after: not a cursor this API issued for this sort', ['after']);

/** The key and id of a cursor of `sort`; refused when another sort (or nothing this API made) issued it. */
function decodeSortCursor(after: string, sort: Sort): { key: string | number; id: string } {
  let parts: (string | number)[];
  try {
    parts = decodeCursor(after, sort.tag ? 3 : 2);
  } catch {
    throw notIssued();
  }
  const [key, id] = sort.tag ? (parts[0] === sort.tag ? parts.slice(1) : []) : parts;
  if (key === undefined || typeof id !== 'string' || !isUuid(id)) throw notIssued();
  return { key, id };
}

/** "trench nav" → 'trench:* & nav:*': every word must match, prefixes allowed. Letters and digits only. */
export function toTsQuery(search: string | null | undefined): string | null {
  const words = (search ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 10);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
