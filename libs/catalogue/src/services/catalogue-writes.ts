import { Injectable } from '@nestjs/common';
import {
  BusinessError,
  ErrorCode,
  EventBus,
  isUuid,
  notFound,
  pgCode,
  pgConstraint,
  PG_UNIQUE_VIOLATION,
  TransactionHost,
} from '@app/common';
import { ProductEntity } from '../entities/product.entity.js';
import { ProductCountCache } from './product-count-cache.js';

const DUPLICATES: Record<string, { field: string[]; what: string }> = {
  UQ_product_slug: { field: ['slug'], what: 'A product with this slug' },
  UQ_variant_sku: { field: ['variants', 'sku'], what: 'A variant with this SKU' },
  UQ_variant_barcode: { field: ['variants', 'barcode'], what: 'A variant with this barcode' },
};

/** The columns of ProductEntity under its property names, for plain SQL reads. */
export const PRODUCT_COLUMNS = `id, slug, name, description, brand, category, images, image_alts AS "imageAlts",
  price_from AS "priceFrom", archived_at AS "archivedAt", created_at AS "createdAt"`;

/** What every change to the catalogue does besides its own statements, in its transaction. */
@Injectable()
export class CatalogueWrites {
  constructor(
    private readonly tx: TransactionHost,
    private readonly counts: ProductCountCache,
    private readonly events: EventBus,
  ) {}

  /** The product, locked until the change commits: changes to one product (its sizes' positions, its flags) queue. */
  async lockProduct(id: string): Promise<ProductEntity> {
    if (!isUuid(id)) throw notFound('Product');
    const [row] = await this.tx.manager.query<ProductEntity[]>(`SELECT ${PRODUCT_COLUMNS} FROM product WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw notFound(`Product ${id}`);
    return row;
  }

  /** The lowest price of the product's sizes on sale (of all of them when none is): the price sorts' key. */
  async refreshPriceFrom(productId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE product p SET price_from = s.price FROM (
         SELECT COALESCE(min(price_amount) FILTER (WHERE archived_at IS NULL), min(price_amount), 0) AS price
         FROM product_variant WHERE product_id = $1) s
       WHERE p.id = $1 AND p.price_from IS DISTINCT FROM s.price`,
      [productId],
    );
  }

  /**
   * After the commit (of an outer unit too): listings counted from then on see the change, and kept answers
   * (counts, the response cache) are dropped here at once and in the other processes by the event.
   */
  changed(productId: string): void {
    this.tx.afterCommit(() => this.counts.clear());
    this.events.publish('catalogue-changed', { productId });
  }

  /** A unique constraint the change ran into, as the DUPLICATE refusal that names the field; else the error itself. */
  duplicate(err: unknown, field?: string[]): unknown {
    const dup = pgCode(err) === PG_UNIQUE_VIOLATION ? DUPLICATES[pgConstraint(err) ?? ''] : undefined;
    return dup ? new BusinessError(ErrorCode.DUPLICATE, `${dup.what} already exists`, field ?? dup.field) : err;
  }
}
