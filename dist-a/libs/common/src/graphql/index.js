export * from './loaders.js';
export * from './direct-field.js';
//# sourceMappingURL=index.js.map