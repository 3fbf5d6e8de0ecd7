/**
 * What the catalogue's one-statement reads (the listing's availableAt filter, availableOnline on a page)
 * need of stock, as SQL the inventory writes: the inventory owns the stock tables and provides this
 * (InventorySqlModule), the catalogue only splices it in. A port, not an import: the inventory depends on
 * the catalogue, not the other way round (docs/adr/0026-table-ownership.md).
 */
export abstract class CatalogueStockSql {
  /** A JOIN that keeps the variant `variantId` (an SQL expression) only when `locationParam` has some of it free. */
  abstract availableAtJoin(variantId: string, locationParam: string): string;
  /** A LEFT JOIN of the variant `variantId`'s totals, and the expression of its units free across every location (0 when none). */
  abstract totals(variantId: string): { join: string; available: string };
}
