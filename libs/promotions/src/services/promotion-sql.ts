/**
 * SQL the promotions domain writes for another domain's one-statement read (docs/adr/0026-table-ownership.md):
 * the caller splices it in, so its read stays one round trip and its plan unchanged, and only this lib
 * names the promotion table.
 */
export const promotionSql = {
  /** Joins the promotion `promotionId` (an SQL expression) as `alias`; `codeOf(alias)` is then its code. */
  join: (alias: string, promotionId: string): string => `JOIN promotion ${alias} ON ${alias}.id = ${promotionId}`,
  codeOf: (alias: string): string => `${alias}.code`,
};
