import type { ProductVariantEntity } from '../entities/product-variant.entity.js';

/**
 * What a catalogue page shows of a variant (parsing 100 timestamps per page that nobody reads cost 1% of
 * the CPU), and, when the page asked for availableOnline, the units free across every location as read
 * in the same statement.
 */
export type ListedVariant = Omit<ProductVariantEntity, 'createdAt'> & { available?: number };

/** A ListedVariant's columns under its property names, for plain SQL reads. */
export const LISTED_VARIANT_COLUMNS = `id, product_id AS "productId", position, sku, size, colour, price_amount AS "priceAmount",
  price_currency AS "priceCurrency", barcode`;

/**
 * The variants of the product `p` as one JSON array of ListedVariants in creation order (null when it has
 * none), so that a page of products comes with its variants in the same statement. With `available`, each
 * carries what the inventory's per-variant totals (variant_stock) say is free now: a read-only look at
 * stock, like the listing's availableAt filter, that saves the page a round trip for availableOnline
 * (measured with bench/: about a sixth of a catalogue page's server CPU).
 */
export const LISTED_VARIANTS_OF = (p: string, available = false) => `(SELECT json_agg(json_build_object('id', v.id, 'productId', v.product_id,
  'position', v.position, 'sku', v.sku, 'size', v.size, 'colour', v.colour, 'priceAmount', v.price_amount, 'priceCurrency', v.price_currency,
  'barcode', v.barcode${available ? `, 'available', COALESCE(vs.on_hand - vs.reserved, 0)` : ''}) ORDER BY v.position)
  FROM product_variant v${available ? ' LEFT JOIN variant_stock vs ON vs.variant_id = v.id' : ''} WHERE v.product_id = ${p}.id)`;
