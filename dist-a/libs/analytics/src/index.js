export * from './analytics.module.js';
export * from './models/report.models.js';
export * from './services/sales-report.service.js';
//# sourceMappingURL=index.js.map