import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@app/audit';
import { badInput, BusinessError, ErrorCode, TransactionHost } from '@app/common';
import { ProductCreateInput } from '../dto/product-create.input.js';
import type { ProductImageInput } from '../dto/product-image.input.js';
import { ProductUpdateInput } from '../dto/product-update.input.js';
import { ProductEntity } from '../entities/product.entity.js';
import { CatalogueWrites, PRODUCT_COLUMNS } from './catalogue-writes.js';
import { normaliseSku } from './catalogue.service.js';

/** What a product's audit entries show of it: what a merchandiser changes. */
const AUDITED = ['name', 'description', 'brand', 'category', 'images', 'imageAlts'] as const;
type Audited = Pick<ProductEntity, (typeof AUDITED)[number]>;

/**
 * Products as merchandisers change them (admins): create, edit, archive. Each change is one transaction
 * with its audit entry (docs/adr/0026-table-ownership.md: only this lib writes the product tables).
 */
@Injectable()
export class ProductChanges {
  constructor(
    private readonly tx: TransactionHost,
    private readonly writes: CatalogueWrites,
    private readonly audit: AuditLog,
  ) {}

  /** Creates a product with its variants, all or nothing. */
  create(input: ProductCreateInput, staffId: string | null): Promise<ProductEntity> {
    const skus = input.variants.map((v) => normaliseSku(v.sku));
    const repeated = skus.find((s, i) => skus.indexOf(s) !== i);
    if (repeated)
      return Promise.reject(new BusinessError(ErrorCode.DUPLICATE, `SKU ${repeated} appears twice in this product`, ['variants', 'sku']));
    const { images, imageAlts } = imagesOf(input.images, input.gallery);
    return this.tx.run(async () => {
      try {
        const [product] = await this.tx.manager.query<ProductEntity[]>(
          `INSERT INTO product (slug, name, description, brand, category, images, image_alts, price_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${PRODUCT_COLUMNS}`,
          [
            input.slug,
            input.name.trim(),
            input.description ?? null,
            input.brand ?? null,
            input.category ?? null,
            JSON.stringify(images ?? []),
            JSON.stringify(imageAlts ?? {}),
            Math.min(...input.variants.map((v) => v.price.amount)),
          ],
        );
        await this.tx.manager.query(
          `INSERT INTO product_variant (product_id, position, sku, size, colour, price_amount, price_currency, barcode)
           SELECT $1, t.position - 1, t.sku, t.size, t.colour, t.price, t.currency, t.barcode
           FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[]) WITH ORDINALITY
             AS t(sku, size, colour, price, currency, barcode, position)`,
          [
            product.id,
            skus,
            input.variants.map((v) => v.size ?? null),
            input.variants.map((v) => v.colour ?? null),
            input.variants.map((v) => v.price.amount),
            input.variants.map((v) => v.price.currency),
            input.variants.map((v) => v.barcode ?? null),
          ],
        );
        await this.audit.record({
          action: AuditAction.PRODUCT_CREATED,
          staffId,
          subjectType: 'Product',
          subjectId: product.id,
          before: null,
          after: { slug: product.slug, ...audited(product), skus },
        });
        this.writes.changed(product.id);
        return product;
      } catch (err) {
        throw this.writes.duplicate(err);
      }
    });
  }

  /** Changes the fields given; `null` clears description, brand or category. */
  update(id: string, input: ProductUpdateInput, staffId: string | null): Promise<ProductEntity> {
    if (input.name === null) return Promise.reject(badInput('name cannot be removed', ['input', 'name']));
    if (input.images != null && input.gallery != null)
      return Promise.reject(badInput('give images or gallery, not both', ['input', 'gallery']));
    return this.tx.run(async () => {
      const before = await this.writes.lockProduct(id);
      const pictures = imagesOf(input.images ?? undefined, input.gallery ?? undefined);
      const after: Audited = {
        name: input.name != null ? input.name.trim() : before.name,
        description: input.description !== undefined ? input.description : before.description,
        brand: input.brand !== undefined ? input.brand : before.brand,
        category: input.category !== undefined ? input.category : before.category,
        images: pictures.images ?? before.images,
        imageAlts: pictures.imageAlts ?? before.imageAlts,
      };
      const changed = AUDITED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      if (!changed.length) return before;
      // In a WITH: the answer is rows whatever the driver (an UPDATE's raw result differs between pg and PGlite).
      const [row] = await this.tx.manager.query<ProductEntity[]>(
        `WITH u AS (UPDATE product SET name = $2, description = $3, brand = $4, category = $5, images = $6, image_alts = $7
         WHERE id = $1 RETURNING ${PRODUCT_COLUMNS}) SELECT * FROM u`,
        [id, after.name, after.description, after.brand, after.category, JSON.stringify(after.images), JSON.stringify(after.imageAlts)],
      );
      await this.audit.record({
        action: AuditAction.PRODUCT_UPDATED,
        staffId,
        subjectType: 'Product',
        subjectId: id,
        before: pick(before, changed),
        after: pick(after, changed),
      });
      this.writes.changed(id);
      return row;
    });
  }

  /**
   * Takes the product off sale (archived) or puts it back. Its variants carry the flag too (the one-SKU
   * reads of carts, checkout and storesNear need no join); a size archived on its own stays archived.
   */
  setArchived(id: string, archived: boolean, staffId: string | null): Promise<ProductEntity> {
    return this.tx.run(async () => {
      const before = await this.writes.lockProduct(id);
      if ((before.archivedAt !== null) === archived) return before; // already so: nothing changes, nothing to audit
      const [row] = await this.tx.manager.query<ProductEntity[]>(
        `WITH u AS (UPDATE product SET archived_at = CASE WHEN $2::boolean THEN now() END WHERE id = $1 RETURNING ${PRODUCT_COLUMNS}) SELECT * FROM u`,
        [id, archived],
      );
      await this.tx.manager.query(`UPDATE product_variant SET product_archived = $2 WHERE product_id = $1`, [id, archived]);
      await this.audit.record({
        action: archived ? AuditAction.PRODUCT_ARCHIVED : AuditAction.PRODUCT_UNARCHIVED,
        staffId,
        subjectType: 'Product',
        subjectId: id,
        before: { archived: !archived },
        after: { archived },
      });
      this.writes.changed(id);
      return row;
    });
  }
}

/** The plain URL list and the alt texts by URL from either input form; undefined when neither is given. */
function imagesOf(
  images: string[] | undefined,
  gallery: ProductImageInput[] | undefined,
): { images?: string[]; imageAlts?: Record<string, string> } {
  if (gallery) {
    const imageAlts: Record<string, string> = {};
    for (const g of gallery) if (g.alt) imageAlts[g.url] = g.alt;
    return { images: gallery.map((g) => g.url), imageAlts };
  }
  return images ? { images, imageAlts: {} } : {};
}

const audited = (p: Audited): Audited => Object.fromEntries(AUDITED.map((k) => [k, p[k]])) as Audited;
const pick = (o: Audited, keys: readonly (keyof Audited)[]): Record<string, unknown> => Object.fromEntries(keys.map((k) => [k, o[k]]));
