import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  BusinessError,
  byKeys,
  ErrorCode,
  EventBus,
  groupByKeys,
  type HasLoaders,
  isUuid,
  loader,
  pgCode,
  pgConstraint,
  PG_UNIQUE_VIOLATION,
  TransactionHost,
} from '@app/common';
import { ProductCreateInput } from '../dto/product-create.input.js';
import { ProductVariantEntity } from '../entities/product-variant.entity.js';
import { ProductEntity } from '../entities/product.entity.js';
import { CatalogueStockSql } from './catalogue-stock-sql.js';
import { ProductCountCache } from './product-count-cache.js';
import {
  LISTED_VARIANT_COLUMNS,
  LISTED_VARIANTS_OF,
  type ListedVariant,
  type ListedVariantColumns,
  listedVariants,
} from './listed-variant.js';

export type { ListedVariant } from './listed-variant.js';

const DUPLICATE_FIELDS: Record<string, { field: string[]; what: string }> = {
  UQ_product_slug: { field: ['slug'], what: 'A product with this slug' },
  UQ_variant_sku: { field: ['variants', 'sku'], what: 'A variant with this SKU' },
  UQ_variant_barcode: { field: ['variants', 'barcode'], what: 'A variant with this barcode' },
};

/** The columns of ProductVariantEntity under its property names, for plain SQL reads. */
const VARIANT_COLUMNS = `${LISTED_VARIANT_COLUMNS}, created_at AS "createdAt"`;

const PRODUCT_COLUMNS = `id, slug, name, description, brand, category, images, created_at AS "createdAt"`;

/** SKUs are matched without regard to case: stored upper-case. */
export const normaliseSku = (sku: string): string => sku.trim().toUpperCase();

/** Products and their variants: creation and look-ups. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly counts: ProductCountCache,
    private readonly events: EventBus,
    private readonly stock: CatalogueStockSql,
  ) {}

  private get products() {
    return this.tx.manager.getRepository(ProductEntity);
  }

  private get variants() {
    return this.tx.manager.getRepository(ProductVariantEntity);
  }

  /** Creates a product with its variants, all or nothing. */
  create(input: ProductCreateInput): Promise<ProductEntity> {
    const skus = input.variants.map((v) => normaliseSku(v.sku));
    const repeated = skus.find((s, i) => skus.indexOf(s) !== i);
    if (repeated)
      return Promise.reject(new BusinessError(ErrorCode.DUPLICATE, `SKU ${repeated} appears twice in this product`, ['variants', 'sku']));
    return this.tx.run(async () => {
      try {
        const product = await this.products.save(
          this.products.create({
            slug: input.slug,
            name: input.name.trim(),
            description: input.description ?? null,
            brand: input.brand ?? null,
            category: input.category ?? null,
            images: input.images ?? [],
          }),
        );
        await this.variants.insert(
          input.variants.map((v, position) => ({
            productId: product.id,
            position,
            sku: skus[position],
            size: v.size ?? null,
            colour: v.colour ?? null,
            priceAmount: v.price.amount,
            priceCurrency: v.price.currency,
            barcode: v.barcode ?? null,
          })),
        );
        // After the commit (of an outer unit too): a listing counted from then on sees the product, one counted before is not kept.
        this.tx.afterCommit(() => this.counts.clear());
        this.events.publish('catalogue-changed', { productId: product.id }); // the other processes' counts and kept answers
        return product;
      } catch (err) {
        const dup = pgCode(err) === PG_UNIQUE_VIOLATION ? DUPLICATE_FIELDS[pgConstraint(err) ?? ''] : undefined;
        if (dup) throw new BusinessError(ErrorCode.DUPLICATE, `${dup.what} already exists`, dup.field);
        throw err;
      }
    });
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
        `SELECT ${LISTED_VARIANT_COLUMNS} FROM product_variant WHERE product_id = ANY($1::uuid[]) ORDER BY product_id, position`,
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
