export * from './page-info.model.js';
export * from './cursor.js';
//# sourceMappingURL=index.js.map