export * from './demo-data.module.js';
export * from './demo-data.service.js';
export * from './bulk-loader.service.js';
export * from './demo-catalogue.js';
export * from './demo-locations.js';
//# sourceMappingURL=index.js.map