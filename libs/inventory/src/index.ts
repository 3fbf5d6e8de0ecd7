export * from './inventory.module.js';
export * from './entities/stock-level.entity.js';
export * from './entities/stock-movement.entity.js';
export * from './services/stock-ledger.service.js';
export * from './services/stock-query.service.js';
export * from './models/stock-level.model.js';
export * from './services/stock-sql.js';
export * from './models/stock-movement.model.js';
