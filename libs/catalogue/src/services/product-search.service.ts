import { Injectable } from '@nestjs/common';
import { badInput, decodeCursor, encodeCursor, isUuid, pageSize, TransactionHost } from '@app/common';
import { ProductFilter } from '../dto/product-filter.input.js';
import { ProductEntity } from '../entities/product.entity.js';

export interface ProductPage {
  totalCount: number;
  hasNextPage: boolean;
  rows: { cursor: string; product: ProductEntity }[];
}

/** What a listing shows of a product: ProductEntity's fields but its creation time. */
const PRODUCT_COLUMNS = 'id, slug, name, description, brand, category, images';

/**
 * The catalogue listing: keyset pagination over (name, id), full-text word search on names through the
 * GIN index, category, and "available at this location" as an EXISTS over stock levels. Plain SQL: the
 * two queries of a page built by TypeORM's query builder cost more server CPU than PostgreSQL spent on
 * them (measured with bench/).
 */
@Injectable()
export class ProductSearchService {
  constructor(private readonly tx: TransactionHost) {}

  async search(first: number, after: string | undefined, filter: ProductFilter = {}): Promise<ProductPage> {
    const limit = pageSize(first);
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    const query = toTsQuery(filter.search);
    if (query) where.push(`p.search_vector @@ to_tsquery('simple', ${param(query)})`);
    if (filter.category) where.push(`p.category = ${param(filter.category.trim().toLowerCase())}`);
    if (filter.availableAt) {
      // Stock lives in the inventory domain; this read-only EXISTS is the one place the catalogue looks at it.
      where.push(`EXISTS (SELECT 1 FROM product_variant v JOIN stock_level sl ON sl.variant_id = v.id
        WHERE v.product_id = p.id AND sl.location_id = ${param(filter.availableAt)} AND sl.on_hand > sl.reserved)`);
    }
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...params];
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      if (typeof name !== 'string' || typeof id !== 'string' || !isUuid(id)) throw badInput('after: not a cursor this API issued', ['after']);
      where.push(`(p.name, p.id) > (${param(name)}, ${param(id)}::uuid)`);
    }
    const paged = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limitParam = param(limit + 1);
    const [found, [{ count }]] = await Promise.all([
      this.tx.manager.query(`SELECT ${PRODUCT_COLUMNS} FROM product p ${paged} ORDER BY p.name, p.id LIMIT ${limitParam}`, params) as Promise<ProductEntity[]>,
      this.tx.manager.query(`SELECT count(*)::int AS count FROM product p ${filtered}`, countParams) as Promise<{ count: number }[]>,
    ]);
    const rows = found.slice(0, limit).map((product) => ({ cursor: encodeCursor([product.name, product.id]), product }));
    return { totalCount: count, hasNextPage: found.length > limit, rows };
  }
}

/** "trench nav" → 'trench:* & nav:*': every word must match, prefixes allowed. Letters and digits only. */
export function toTsQuery(search: string | undefined): string | null {
  const words = (search ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 10);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
