export * from './staff.module.js';
export * from './entities/staff.entity.js';
export * from './models/staff.model.js';
export * from './services/staff.service.js';
//# sourceMappingURL=index.js.map