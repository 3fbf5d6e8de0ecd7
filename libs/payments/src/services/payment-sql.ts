/**
 * SQL the payments lib writes for another domain's one-statement read (docs/adr/0026-table-ownership.md): the
 * caller splices it in, so its statement stays one round trip, and only this lib names `payment` and
 * `payment_transaction`.
 */
export const paymentSql = {
  /**
   * Money that moved in [`fromParam`, `toParam`) (placeholders such as `$1`, `$2`; timestamptz), one row per
   * order and currency: `order_id`, `currency`, `captured` (succeeded captures on a card and payments taken
   * at the counter) and `refunded` (succeeded refunds), exact numeric sums in minor units. Counted when the
   * movement happened (`payment_transaction.created_at`), whatever the order's date or status; failed or
   * declined attempts, authorisations and voids never count. A subquery: splice it as `(${...}) alias`; its
   * aliases (`pt`, `pay`) are its own scope.
   */
  movedPerOrder: (fromParam: string, toParam: string): string =>
    `SELECT pay.order_id, pay.currency,
            COALESCE(SUM(pt.amount) FILTER (WHERE pt.kind IN ('CAPTURE', 'COUNTER')), 0) AS captured,
            COALESCE(SUM(pt.amount) FILTER (WHERE pt.kind = 'REFUND'), 0) AS refunded
     FROM payment_transaction pt JOIN payment pay ON pay.id = pt.payment_id
     WHERE pt.outcome = 'SUCCEEDED' AND pt.kind IN ('CAPTURE', 'COUNTER', 'REFUND')
       AND pt.created_at >= ${fromParam} AND pt.created_at < ${toParam} AND pay.order_id IS NOT NULL
     GROUP BY pay.order_id, pay.currency`,
};
