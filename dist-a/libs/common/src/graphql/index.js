export * from './loaders.js';
export * from './direct-field.js';
export * from './selection.js';
//# sourceMappingURL=index.js.map