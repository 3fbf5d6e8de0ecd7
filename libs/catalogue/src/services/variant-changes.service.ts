import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@app/audit';
import { badInput, BusinessError, ErrorCode, TransactionHost } from '@app/common';
import { VariantInput } from '../dto/product-create.input.js';
import { VariantUpdateInput } from '../dto/product-update.input.js';
import type { ProductEntity } from '../entities/product.entity.js';
import type { ProductVariantEntity } from '../entities/product-variant.entity.js';
import { CatalogueWrites } from './catalogue-writes.js';
import { normaliseSku, VARIANT_COLUMNS } from './catalogue.service.js';

/** As many as productCreate takes. */
const MAX_VARIANTS_PER_CALL = 100;

/**
 * Sizes as merchandisers change them (admins): new sizes for a product, a price, a barcode, a size taken
 * off sale. A price is read by carts each time they are priced, so an open cart shows a new one at once;
 * an order keeps the prices it was placed at (its lines hold them).
 */
@Injectable()
export class VariantChanges {
  constructor(
    private readonly tx: TransactionHost,
    private readonly writes: CatalogueWrites,
    private readonly audit: AuditLog,
  ) {}

  /** New sizes come last, in the order given; their product locked so two additions never take one position. */
  add(productId: string, inputs: VariantInput[], staffId: string | null): Promise<ProductEntity> {
    if (inputs.length < 1 || inputs.length > MAX_VARIANTS_PER_CALL)
      return Promise.reject(badInput(`variants must hold 1 to ${MAX_VARIANTS_PER_CALL} variants`, ['variants']));
    const skus = inputs.map((v) => normaliseSku(v.sku));
    const repeated = skus.find((s, i) => skus.indexOf(s) !== i);
    if (repeated) return Promise.reject(new BusinessError(ErrorCode.DUPLICATE, `SKU ${repeated} appears twice`, ['variants', 'sku']));
    return this.tx.run(async () => {
      const product = await this.writes.lockProduct(productId);
      const [{ next, currency }] = await this.tx.manager.query<{ next: number; currency: string | null }[]>(
        `SELECT COALESCE(max(position) + 1, 0)::int AS next, min(price_currency) AS currency FROM product_variant WHERE product_id = $1`,
        [productId],
      );
      const other = inputs.findIndex((v) => currency !== null && v.price.currency !== currency);
      if (other >= 0)
        throw new BusinessError(
          ErrorCode.CURRENCY_MISMATCH,
          `This product is priced in ${currency}; a size cannot be priced in ${inputs[other].price.currency}`,
          ['variants', String(other), 'price', 'currency'],
        );
      try {
        await this.tx.manager.query(
          `INSERT INTO product_variant (product_id, position, sku, size, colour, price_amount, price_currency, barcode, product_archived)
           SELECT $1, $2 + t.n - 1, t.sku, t.size, t.colour, t.price, t.currency, t.barcode, $9
           FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[]) WITH ORDINALITY
             AS t(sku, size, colour, price, currency, barcode, n)`,
          [
            productId,
            next,
            skus,
            inputs.map((v) => v.size ?? null),
            inputs.map((v) => v.colour ?? null),
            inputs.map((v) => v.price.amount),
            inputs.map((v) => v.price.currency),
            inputs.map((v) => v.barcode ?? null),
            product.archivedAt !== null,
          ],
        );
      } catch (err) {
        throw this.writes.duplicate(err);
      }
      await this.writes.refreshPriceFrom(productId);
      await this.audit.record({
        action: AuditAction.VARIANTS_ADDED,
        staffId,
        subjectType: 'Product',
        subjectId: productId,
        before: null,
        after: {
          variants: inputs.map((v, i) => ({ sku: skus[i], size: v.size ?? null, colour: v.colour ?? null, price: v.price.amount })),
        },
      });
      this.writes.changed(productId);
      return product;
    });
  }

  /** Changes the fields given of the variant with this SKU (UNKNOWN_SKU when none has it). */
  update(input: VariantUpdateInput, staffId: string | null): Promise<ProductVariantEntity> {
    return this.tx.run(async () => {
      const [before] = await this.tx.manager.query<ProductVariantEntity[]>(
        `SELECT ${VARIANT_COLUMNS} FROM product_variant WHERE sku = $1 FOR UPDATE`,
        [normaliseSku(input.sku)],
      );
      if (!before) throw new BusinessError(ErrorCode.UNKNOWN_SKU, `No variant has SKU ${input.sku}`, ['input', 'sku']);
      if (input.price && input.price.currency !== before.priceCurrency)
        throw new BusinessError(
          ErrorCode.CURRENCY_MISMATCH,
          `${before.sku} is priced in ${before.priceCurrency}; its price stays in that currency`,
          ['input', 'price', 'currency'],
        );
      const wasArchived = before.archivedAt !== null;
      const was = { price: before.priceAmount, barcode: before.barcode, archived: wasArchived };
      const now = {
        price: input.price?.amount ?? was.price,
        barcode: input.barcode !== undefined ? input.barcode : was.barcode,
        archived: input.archived ?? was.archived,
      };
      const changed = (Object.keys(was) as (keyof typeof was)[]).filter((k) => was[k] !== now[k]);
      if (!changed.length) return before;
      let after: ProductVariantEntity;
      try {
        [after] = await this.tx.manager.query<ProductVariantEntity[]>(
          `WITH u AS (UPDATE product_variant SET price_amount = $2, barcode = $3,
             archived_at = CASE WHEN NOT $4::boolean THEN NULL ELSE COALESCE(archived_at, now()) END
           WHERE id = $1 RETURNING ${VARIANT_COLUMNS}) SELECT * FROM u`,
          [before.id, now.price, now.barcode, now.archived],
        );
      } catch (err) {
        throw this.writes.duplicate(err, ['input', 'barcode']);
      }
      if (changed.includes('price') || changed.includes('archived')) await this.writes.refreshPriceFrom(before.productId);
      await this.audit.record({
        action: AuditAction.VARIANT_UPDATED,
        staffId,
        subjectType: 'ProductVariant',
        subjectId: before.id,
        before: { sku: before.sku, ...Object.fromEntries(changed.map((k) => [k, was[k]])) },
        after: { sku: before.sku, ...Object.fromEntries(changed.map((k) => [k, now[k]])) },
      });
      this.writes.changed(before.productId);
      return after;
    });
  }
}
