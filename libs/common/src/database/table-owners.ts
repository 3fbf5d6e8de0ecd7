/**
 * Who owns each table: the one lib whose SQL may name it (read, write, lock, join). Every other lib asks the
 * owner: a service method, or, on a hot path that must stay one statement, an SQL fragment the owner
 * builds and exports (the owner writes every word of SQL about its tables). Checked by
 * table-ownership.spec.ts; the decision is docs/adr/0026-table-ownership.md. A new migration's table is
 * added here, with its owner, in the same change.
 */
export const TABLE_OWNERS = {
  // migrations/1763900000000-foundation.ts
  location: 'locations',
  staff: 'staff',
  product: 'catalogue',
  product_variant: 'catalogue',
  stock_level: 'inventory',
  stock_movement: 'inventory',
  // migrations/1763900000001-customers-carts-promotions.ts
  customer: 'customers',
  promotion: 'promotions',
  cart: 'cart',
  cart_line: 'cart',
  cart_discount_code: 'cart',
  // migrations/1763900000002-orders-fulfilment.ts
  customer_order: 'orders',
  fulfillment: 'orders',
  order_line: 'orders',
  order_discount: 'orders',
  notification: 'notifications',
  // migrations/1764600000000-variant-stock-totals.ts
  variant_stock: 'inventory',
  // migrations/1765100000000-audit-log.ts
  audit_entry: 'audit',
  // migrations/1765200000000-sessions-and-secrets.ts
  service_secret: 'common',
  // migrations/1765400000000-payments.ts
  payment: 'payments',
  payment_transaction: 'payments',
  // migrations/1765400000200-payment-events.ts
  payment_event: 'payments',
  // migrations/1765600000000-stores-that-ship.ts
  fulfilment_capacity: 'orders',
  // migrations/1765700000000-store-stock.ts
  stock_safety_default: 'inventory',
  stock_transfer: 'inventory',
  stock_transfer_line: 'inventory',
  stock_count: 'inventory',
  stock_count_line: 'inventory',
  // migrations/1765800000000-returns.ts
  order_return: 'returns',
  order_return_line: 'returns',
  payment_refund: 'payments',
  // migrations/1765710000000-webhooks.ts
  webhook_endpoint: 'webhooks',
  webhook_event: 'webhooks',
  webhook_delivery: 'webhooks',
  webhook_delivery_attempt: 'webhooks',
  // migrations/1765900000000-integration.ts
  stock_set_request: 'inventory',
  bulk_job: 'bulk',
} as const satisfies Record<string, string>;

export type OwnedTable = keyof typeof TABLE_OWNERS;

/**
 * Libs allowed to name tables they do not own, and why. Kept short on purpose: each entry is a
 * reviewed exception, not a way around the rule.
 */
export const TABLE_ACCESS_EXCEPTIONS: Readonly<Record<string, { tables: readonly OwnedTable[] | '*'; why: string }>> = {
  'demo-data': {
    tables: '*',
    why: 'loads a demo retailer in bulk into an empty database (seed, benchmark); never runs on a request',
  },
};
