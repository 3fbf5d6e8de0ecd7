export { DatabaseModule, DatabaseEndpoint, dataSourceOptions } from './database.module.js';
export { TransactionHost, pgCode, pgConstraint, PG_UNIQUE_VIOLATION, PG_CHECK_VIOLATION } from './transaction-host.js';
export { EmbeddedPostgres } from './embedded-postgres.js';
export { runMigrationsLocked } from './run-migrations.js';
export { entityColumns } from './entity-columns.js';
export { TABLE_OWNERS, TABLE_ACCESS_EXCEPTIONS, type OwnedTable } from './table-owners.js';
