import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { byKeys, groupByKeys, type HasLoaders, isUuid, loader, TransactionHost } from '@app/common';
import { ProductVariantEntity } from '../entities/product-variant.entity.js';
import { ProductEntity } from '../entities/product.entity.js';
import { CatalogueStockSql } from './catalogue-stock-sql.js';
import { PRODUCT_COLUMNS } from './catalogue-writes.js';
import {
  LISTED,
  LISTED_VARIANT_COLUMNS,
  LISTED_VARIANTS_OF,
  type ListedVariant,
  type ListedVariantColumns,
  listedVariants,
} from './listed-variant.js';

export type { ListedVariant } from './listed-variant.js';

/** The columns of ProductVariantEntity under its property names, for plain SQL reads. */
export const VARIANT_COLUMNS = `${LISTED_VARIANT_COLUMNS}, archived_at AS "archivedAt", created_at AS "createdAt"`;

/** SKUs are matched without regard to case: stored upper-case. */
export const normaliseSku = (sku: string): string => sku.trim().toUpperCase();

/** Products and their variants: look-ups (changes: ProductChanges, VariantChanges). */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly stock: CatalogueStockSql,
  ) {}

  private get products() {
    return this.tx.manager.getRepository(ProductEntity);
  }

  private get variants() {
    return this.tx.manager.getRepository(ProductVariantEntity);
  }

  /** A product by id, archived or not (null for an id that names none). */
  async findById(id: string): Promise<ProductEntity | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.tx.manager.query<ProductEntity[]>(`SELECT ${PRODUCT_COLUMNS} FROM product WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Every variant of a product, archived sizes included, in creation order (staff tools). */
  allVariants(productId: string): Promise<ProductVariantEntity[]> {
    return this.tx.manager.query(`SELECT ${VARIANT_COLUMNS} FROM product_variant WHERE product_id = $1 ORDER BY position`, [productId]);
  }

  // The two look-ups of the read path (product page, storesNear) in plain SQL, like loadVariants.
  /**
   * With `variants` (a product page that shows them), they come in the same statement and are kept for
   * `loadVariants`, with what each has free online when `available`.
   */
  async findBySlug(slug: string, variants?: { ctx: HasLoaders; available?: boolean }): Promise<ProductEntity | null> {
    const withVariants = variants
      ? `, ${LISTED_VARIANTS_OF('p', variants.available ? this.stock.totals('v.id') : undefined)} AS variants`
      : '';
    const [row] = await this.tx.manager.query<(ProductEntity & { variants?: ListedVariantColumns | null })[]>(
      `SELECT ${PRODUCT_COLUMNS}${withVariants} FROM product p WHERE slug = $1`,
      [slug],
    );
    if (!row) return null;
    if (variants) this.primeVariants(variants.ctx, row.id, listedVariants(row.id, row.variants));
    delete row.variants;
    return row;
  }

  async findVariantBySku(sku: string): Promise<ProductVariantEntity | null> {
    const [row] = await this.tx.manager.query<ProductVariantEntity[]>(`SELECT ${VARIANT_COLUMNS} FROM product_variant WHERE sku = $1`, [
      normaliseSku(sku),
    ]);
    return row ?? null;
  }

  /** The variant with this barcode (digits only, on the unique index); null for anything else. */
  async findVariantByBarcode(barcode: string): Promise<ProductVariantEntity | null> {
    const digits = barcode.trim();
    if (!/^\d{6,14}$/.test(digits)) return null;
    const [row] = await this.tx.manager.query<ProductVariantEntity[]>(`SELECT ${VARIANT_COLUMNS} FROM product_variant WHERE barcode = $1`, [
      digits,
    ]);
    return row ?? null;
  }

  /** The variants with these SKUs (normalised), by their normalised SKU; SKUs that name nothing are absent. */
  async findVariantsBySkus(skus: string[]): Promise<Map<string, ProductVariantEntity>> {
    const wanted = [...new Set(skus.map(normaliseSku))];
    const rows = wanted.length
      ? await this.tx.manager.query<ProductVariantEntity[]>(`SELECT ${VARIANT_COLUMNS} FROM product_variant WHERE sku = ANY($1::text[])`, [
          wanted,
        ])
      : [];
    return new Map(rows.map((v) => [v.sku, v]));
  }

  findVariant(id: string): Promise<ProductVariantEntity | null> {
    return isUuid(id) ? this.variants.findOneBy({ id }) : Promise.resolve(null);
  }

  /** The variants with these ids that exist (ids that are not UUIDs name nothing). */
  findVariants(ids: string[]): Promise<ProductVariantEntity[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    return valid.length
      ? this.tx.manager.query(`SELECT ${VARIANT_COLUMNS} FROM product_variant WHERE id = ANY($1::uuid[])`, [valid])
      : Promise.resolve([]);
  }

  loadProduct(ctx: HasLoaders, id: string): Promise<ProductEntity | null> {
    return loader<string, ProductEntity>(ctx, 'product', async (ids) =>
      byKeys(ids, await this.products.findBy({ id: In([...ids]) }), (p) => p.id),
    ).load(id);
  }

  /**
   * A product's variants in creation order, batched across the products of one response. Plain SQL
   * rather than `find`: a catalogue page loads 100 variants, and TypeORM's query building and entity
   * hydration cost more of the server's CPU than the query itself (docs/adr/0014-one-statement-per-read.md).
   */
  loadVariants(ctx: HasLoaders, productId: string): Promise<ListedVariant[]> {
    return this.variantsByProduct(ctx).load(productId) as Promise<ListedVariant[]>;
  }

  /** Variants read with their product (LISTED_VARIANTS_OF, through `listedVariants`): `loadVariants` answers from them. */
  primeVariants(ctx: HasLoaders, productId: string, variants: ListedVariant[]): void {
    this.variantsByProduct(ctx).prime(productId, variants);
  }

  private variantsByProduct(ctx: HasLoaders) {
    return loader<string, ListedVariant[]>(ctx, 'variantsByProduct', async (ids) => {
      const rows: ListedVariant[] = await this.tx.manager.query(
        `SELECT ${LISTED_VARIANT_COLUMNS} FROM product_variant v WHERE product_id = ANY($1::uuid[]) AND ${LISTED('v')}
         ORDER BY product_id, position`,
        [ids],
      );
      return groupByKeys(ids, rows, (v) => v.productId);
    });
  }

  loadVariant(ctx: HasLoaders, id: string): Promise<ProductVariantEntity | null> {
    return loader<string, ProductVariantEntity>(ctx, 'variant', async (ids) =>
      byKeys(ids, await this.variants.findBy({ id: In(ids.filter(isUuid)) }), (v) => v.id),
    ).load(id);
  }
}
