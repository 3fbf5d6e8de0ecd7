export * from './audit.module.js';
export * from './entities/audit-entry.entity.js';
export * from './services/audit-log.service.js';
export * from './models/audit-entry.model.js';
