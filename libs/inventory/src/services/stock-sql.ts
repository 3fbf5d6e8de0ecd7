import { Global, Module } from '@nestjs/common';
import { CatalogueStockSql } from '@app/catalogue';

/**
 * SQL the inventory writes for another domain's one-statement read (docs/adr/0026-table-ownership.md): the
 * caller splices it in, so its read stays one round trip and its plan unchanged, and only this lib names
 * the stock tables.
 */
export const stockSql = {
  /** Keeps the variant `variantId` only when `locationParam` may sell some of it (a level with available > 0). */
  availableAtJoin: (variantId: string, locationParam: string): string =>
    `JOIN stock_level sl ON sl.variant_id = ${variantId} AND sl.location_id = ${locationParam} AND sl.available > 0`,
  /** The variant's totals across every location (kept by a trigger, ADR 0003), and what of them may be sold (ADR 0031). */
  totals: (variantId: string): { join: string; available: string } => ({
    join: `LEFT JOIN variant_stock vs ON vs.variant_id = ${variantId}`,
    available: 'COALESCE(vs.available, 0)',
  }),
};

/** The catalogue's port onto stock (CatalogueStockSql), as the inventory's SQL. */
export class InventoryCatalogueStockSql extends CatalogueStockSql {
  availableAtJoin(variantId: string, locationParam: string): string {
    return stockSql.availableAtJoin(variantId, locationParam);
  }
  totals(variantId: string): { join: string; available: string } {
    return stockSql.totals(variantId);
  }
}

/**
 * Global: the catalogue's services take CatalogueStockSql, and the catalogue cannot import the inventory
 * (which depends on it), so the inventory provides it to every module of the process.
 */
@Global()
@Module({
  providers: [{ provide: CatalogueStockSql, useClass: InventoryCatalogueStockSql }],
  exports: [CatalogueStockSql],
})
export class InventorySqlModule {}
