import { Foundation1763900000000 } from './1763900000000-foundation.js';
import { CustomersCartsPromotions1763900000001 } from './1763900000001-customers-carts-promotions.js';
import { OrdersFulfilment1763900000002 } from './1763900000002-orders-fulfilment.js';
import { VariantStockTotals1764600000000 } from './1764600000000-variant-stock-totals.js';
import { AuditLog1765100000000 } from './1765100000000-audit-log.js';
import { IdempotencyScope1765100000001 } from './1765100000001-idempotency-scope.js';
import { SessionsAndSecrets1765200000000 } from './1765200000000-sessions-and-secrets.js';
import { CatalogueBackOffice1765300000000 } from './1765300000000-catalogue-back-office.js';
import { BackOfficeOrderIndexes1765300000200 } from './1765300000200-back-office-order-indexes.js';
import { Payments1765400000000 } from './1765400000000-payments.js';
import { PaymentMovementsByTime1765400000100 } from './1765400000100-payment-movements-by-time.js';
import { PaymentEvents1765400000200 } from './1765400000200-payment-events.js';
import { FulfilmentReadyBy1765600000100 } from './1765600000100-fulfilment-ready-by.js';
import { StoreStock1765700000000 } from './1765700000000-store-stock.js';
import { Returns1765800000000 } from './1765800000000-returns.js';
import { Integration1765900000000 } from './1765900000000-integration.js';
import { PreparationTime1765500000100 } from './1765500000100-preparation-time.js';
import { BackOfficePeople1765310000000 } from './1765310000000-back-office-people.js';
import { PartialCollect1765500000000 } from './1765500000000-partial-collect.js';
import { StoresThatShip1765600000000 } from './1765600000000-stores-that-ship.js';
import { Webhooks1765710000000 } from './1765710000000-webhooks.js';

/** Every migration, oldest first. A merged migration is never edited: add a new one. */
export const MIGRATIONS = [
  Foundation1763900000000,
  CustomersCartsPromotions1763900000001,
  OrdersFulfilment1763900000002,
  VariantStockTotals1764600000000,
  AuditLog1765100000000,
  IdempotencyScope1765100000001,
  SessionsAndSecrets1765200000000,
  CatalogueBackOffice1765300000000,
  BackOfficeOrderIndexes1765300000200,
  BackOfficePeople1765310000000,
  Payments1765400000000,
  PaymentMovementsByTime1765400000100,
  PaymentEvents1765400000200,
  PartialCollect1765500000000,
  PreparationTime1765500000100,
  StoresThatShip1765600000000,
  FulfilmentReadyBy1765600000100,
  StoreStock1765700000000,
  Webhooks1765710000000,
  Returns1765800000000,
  Integration1765900000000,
];
