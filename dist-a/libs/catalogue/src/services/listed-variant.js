/** A ListedVariant's columns under its property names, for plain SQL reads. */
export const LISTED_VARIANT_COLUMNS = `id, product_id AS "productId", position, sku, size, colour, price_amount AS "priceAmount",
  price_currency AS "priceCurrency", barcode`;
/**
 * The variants of the product `p` as one JSON array of ListedVariants in creation order (null when it has
 * none), so that a page of products comes with its variants in the same statement.
 */
export const LISTED_VARIANTS_OF = (p) => `(SELECT json_agg(json_build_object('id', v.id, 'productId', v.product_id, 'position', v.position,
  'sku', v.sku, 'size', v.size, 'colour', v.colour, 'priceAmount', v.price_amount, 'priceCurrency', v.price_currency, 'barcode', v.barcode)
  ORDER BY v.position) FROM product_variant v WHERE v.product_id = ${p}.id)`;
//# sourceMappingURL=listed-variant.js.map