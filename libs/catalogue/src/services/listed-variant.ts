import type { ProductVariantEntity } from '../entities/product-variant.entity.js';

/**
 * What a catalogue page shows of a variant (no timestamps: parsing 100 per page that nobody reads is
 * measurable, docs/adr/0014-one-statement-per-read.md), and, when the page asked for availableOnline, the units free across every location as read
 * in the same statement. Only sizes on sale are listed (an archived size is not): `archivedAt` is always null.
 */
export type ListedVariant = Omit<ProductVariantEntity, 'createdAt' | 'archivedAt'> & { available?: number };

/** A ListedVariant's columns under its property names, for plain SQL reads. */
export const LISTED_VARIANT_COLUMNS = `id, product_id AS "productId", position, sku, size, colour, price_amount AS "priceAmount",
  price_currency AS "priceCurrency", barcode, product_archived AS "productArchived"`;

/** The sizes on sale of a product (archived ones are left out of every listing): a condition on `product_variant` as `alias`. */
export const LISTED = (alias: string): string => `${alias}.archived_at IS NULL`;

/** What LISTED_VARIANTS_OF gives: one JSON array per column of LISTED_SQL (then `available`), read by `listedVariants`. */
export type ListedVariantColumns = unknown[][];

const LISTED_SQL = [
  'v.id',
  'v.position',
  'v.sku',
  'v.size',
  'v.colour',
  'v.price_amount',
  'v.price_currency',
  'v.barcode',
  'v.product_archived',
];

/**
 * The variants of the product `p` as columns: a JSON array of one array per column (null ones when it has
 * none), so that a page of products comes with its variants in the same statement. Columns, not one object
 * per variant: json_build_object looks up each argument's type on every call, json_agg once per column,
 * and the keys are not sent 100 times (docs/adr/0014-one-statement-per-read.md). The aggregates run over the same rows in the same order,
 * so the columns line up; `listedVariants` puts them in position order. With `available`, each carries what
 * the inventory's per-variant totals say is free now: a read-only look at stock, like the
 * listing's availableAt filter, that saves the page a round trip for availableOnline. `available` is that
 * SQL as the inventory writes it (CatalogueStockSql.totals of `v.id`).
 */
export const LISTED_VARIANTS_OF = (
  p: string,
  available?: { join: string; available: string },
) => `(SELECT json_build_array(${LISTED_SQL.map((c) => `json_agg(${c})`).join(', ')}${available ? `, json_agg(${available.available})` : ''})
  FROM product_variant v${available ? ` ${available.join}` : ''} WHERE v.product_id = ${p}.id AND ${LISTED('v')})`;

/** The ListedVariants of product `productId` from its LISTED_VARIANTS_OF columns, in position order. */
export function listedVariants(productId: string, columns: ListedVariantColumns | null | undefined): ListedVariant[] {
  if (!columns?.[0]) return [];
  const [ids, positions, skus, sizes, colours, amounts, currencies, barcodes, productArchived, available] = columns as unknown as [
    string[],
    number[],
    string[],
    (string | null)[],
    (string | null)[],
    number[],
    string[],
    (string | null)[],
    boolean[],
    number[] | undefined,
  ];
  const variants: ListedVariant[] = ids.map((id, i) => ({
    id,
    productId,
    position: positions[i],
    sku: skus[i],
    size: sizes[i],
    colour: colours[i],
    priceAmount: amounts[i],
    priceCurrency: currencies[i],
    barcode: barcodes[i],
    productArchived: productArchived[i],
    ...(available ? { available: available[i] } : {}),
  }));
  return variants.sort((a, b) => a.position - b.position);
}
