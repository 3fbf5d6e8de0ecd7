import { Injectable } from '@nestjs/common';
import { badInput, decodeCursor, encodeCursor, isUuid, pageSize, TransactionHost } from '@app/common';
import { CatalogueStockSql } from './catalogue-stock-sql.js';
import { ProductFilter } from '../dto/product-filter.input.js';
import { ProductEntity } from '../entities/product.entity.js';
import { LISTED_VARIANTS_OF, type ListedVariant, type ListedVariantColumns, listedVariants } from './listed-variant.js';
import { ProductCountCache } from './product-count-cache.js';

export interface ProductPage {
  /** null when not asked for. */
  totalCount: number | null;
  hasNextPage: boolean;
  /** variants: each product's, when asked for. */
  rows: { cursor: string; product: ProductEntity; variants?: ListedVariant[] }[];
}

/** What the page is asked to carry besides its products, each costing PostgreSQL work when asked for. */
export interface PageExtras {
  totalCount?: boolean;
  variants?: boolean;
  /** With the variants: what each has free online (ListedVariant.available). */
  available?: boolean;
}

type PageRow = ProductEntity & { totalCount?: number; variants?: ListedVariantColumns | null };

/** What a listing shows of a product: ProductEntity's fields but its creation time. */
const PRODUCT_COLUMNS = 'id, slug, name, description, brand, category, images';

/**
 * The catalogue listing: keyset pagination over (name, id), full-text word search on names through the
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

  async search(first: number, after: string | undefined, filter: ProductFilter = {}, extras: PageExtras = {}): Promise<ProductPage> {
    const limit = pageSize(first);
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    const query = toTsQuery(filter.search);
    if (query) where.push(`p.search_vector @@ to_tsquery('simple', ${param(query)})`);
    const category = filter.category ? filter.category.trim().toLowerCase() : null; // "" filters nothing, "  " filters on ''
    if (category !== null) where.push(`p.category = ${param(category)}`);
    if (filter.availableAt) {
      // Stock lives in the inventory domain: the join that tests it is the inventory's SQL (CatalogueStockSql).
      where.push(`EXISTS (SELECT 1 FROM product_variant v ${this.stock.availableAtJoin('v.id', param(filter.availableAt))}
        WHERE v.product_id = p.id)`);
    }
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      if (typeof name !== 'string' || typeof id !== 'string' || !isUuid(id))
        throw badInput('after: not a cursor this API issued', ['after']);
      where.push(`(p.name, p.id) > (${param(name)}, ${param(id)}::uuid)`);
    }
    const paged = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // A search's matches come from the GIN index and are then sorted: fenced (OFFSET 0) so that no plan walks
    // the name index testing every product instead, which a custom plan does for a prefix it cannot
    // estimate, at a cost that grows with the catalogue (docs/adr/0004-search-and-stores-near-in-postgresql.md).
    const source = query ? `(SELECT ${PRODUCT_COLUMNS} FROM product p ${paged} OFFSET 0) p` : `product p ${paged}`;
    const page = `SELECT ${PRODUCT_COLUMNS} FROM ${source} ORDER BY p.name, p.id LIMIT ${param(limit + 1)}`;
    const variants = extras.variants
      ? `, ${LISTED_VARIANTS_OF('pg', extras.available ? this.stock.totals('v.id') : undefined)} AS variants`
      : '';
    // The count's parameters are the first ones of the page's: both can share them. Joined from the
    // count, an empty page is still one row, carrying the count and null columns.
    // Stock changes all the time: a count over it is not kept.
    const countKey = filter.availableAt ? null : JSON.stringify([query, category]);
    const known = extras.totalCount && countKey !== null ? this.counts.get(countKey) : undefined;
    const counting = extras.totalCount && known === undefined;
    const version = this.counts.version();
    const sql = counting
      ? `SELECT c.total AS "totalCount", pg.*${variants} FROM (SELECT count(*)::int AS total FROM product p ${filtered}) c
         LEFT JOIN LATERAL (${page}) pg ON true ORDER BY pg.name, pg.id`
      : `SELECT pg.*${variants} FROM (${page}) pg ORDER BY pg.name, pg.id`;
    const found: PageRow[] = await this.tx.manager.query(sql, params);
    const products = found[0]?.id === null ? [] : found;
    const rows = products.slice(0, limit).map(({ totalCount: _, variants: v, ...product }) => ({
      cursor: encodeCursor([product.name, product.id]),
      product,
      ...(extras.variants ? { variants: listedVariants(product.id, v) } : {}),
    }));
    const totalCount = counting ? (found[0]?.totalCount ?? 0) : (known ?? null);
    if (counting && countKey !== null) this.counts.set(countKey, totalCount!, version);
    return { totalCount, hasNextPage: products.length > limit, rows };
  }
}

/** "trench nav" → 'trench:* & nav:*': every word must match, prefixes allowed. Letters and digits only. */
export function toTsQuery(search: string | undefined): string | null {
  const words = (search ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 10);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
