import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, pageSize, TransactionHost } from '@app/common';
import { ProductFilter } from '../dto/product-filter.input.js';
import { ProductEntity } from '../entities/product.entity.js';

export interface ProductPage {
  totalCount: number;
  hasNextPage: boolean;
  rows: { cursor: string; product: ProductEntity }[];
}

/**
 * The catalogue listing: keyset pagination over (name, id), full-text word search on names through the
 * GIN index, category, and "available at this location" as an EXISTS over stock levels.
 */
@Injectable()
export class ProductSearchService {
  constructor(private readonly tx: TransactionHost) {}

  async search(first: number, after: string | undefined, filter: ProductFilter = {}): Promise<ProductPage> {
    const limit = pageSize(first);
    const base = () => {
      const qb = this.tx.manager.getRepository(ProductEntity).createQueryBuilder('p');
      const query = toTsQuery(filter.search);
      if (query) qb.andWhere(`p.search_vector @@ to_tsquery('simple', :query)`, { query });
      if (filter.category) qb.andWhere('p.category = :category', { category: filter.category.trim().toLowerCase() });
      if (filter.availableAt) {
        // Stock lives in the inventory domain; this read-only EXISTS is the one place the catalogue looks at it.
        qb.andWhere(`EXISTS (SELECT 1 FROM product_variant v JOIN stock_level sl ON sl.variant_id = v.id
          WHERE v.product_id = p.id AND sl.location_id = :loc AND sl.on_hand > sl.reserved)`, { loc: filter.availableAt });
      }
      return qb;
    };
    const page = base().orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').limit(limit + 1);
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      page.andWhere('(p.name, p.id) > (:name, CAST(:id AS uuid))', { name, id: String(id) });
    }
    const [found, totalCount] = await Promise.all([page.getMany(), base().getCount()]);
    const rows = found.slice(0, limit).map((product) => ({ cursor: encodeCursor([product.name, product.id]), product }));
    return { totalCount, hasNextPage: found.length > limit, rows };
  }
}

/** "trench nav" → 'trench:* & nav:*': every word must match, prefixes allowed. Letters and digits only. */
export function toTsQuery(search: string | undefined): string | null {
  const words = (search ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 10);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
