/**
 * SQL the catalogue writes for another domain's one-statement read (docs/adr/0026-table-ownership.md): the
 * caller splices it in, so its read stays one round trip and its plan unchanged, and only this lib names
 * the product tables.
 */
export const variantSql = {
  /** The variant with SKU `skuParam` (a placeholder such as `$4`, normalised by `normaliseSku`) as `alias`. */
  bySku: (alias: string, skuParam: string): { from: string; where: string } => ({
    from: `product_variant ${alias}`,
    where: `${alias}.sku = ${skuParam}`,
  }),
  /** Joins the variant `variantId` (an SQL expression) as `alias`; `currencyOf(alias)` is then its price's currency. */
  join: (alias: string, variantId: string): string => `JOIN product_variant ${alias} ON ${alias}.id = ${variantId}`,
  currencyOf: (alias: string): string => `${alias}.price_currency`,
  /** The variant `alias` is on sale: neither it nor its product is archived. */
  forSale: (alias: string): string => `${alias}.archived_at IS NULL AND NOT ${alias}.product_archived`,
  /** The SKU of the variant joined as `alias` (to order or filter by). */
  skuOf: (alias: string): string => `${alias}.sku`,
  /** The category of the variant `variantId` (an SQL expression): a scalar subquery, null without one. */
  categoryOf: (variantId: string): string =>
    `(SELECT cp.category FROM product_variant cv JOIN product cp ON cp.id = cv.product_id WHERE cv.id = ${variantId})`,
  /** The ids of every variant of the products in category `categoryParam`, as a subquery. */
  idsInCategory: (categoryParam: string): string =>
    `(SELECT cv.id FROM product_variant cv JOIN product cp ON cp.id = cv.product_id WHERE cp.category = ${categoryParam})`,
};
