export * from './geo.js';
//# sourceMappingURL=index.js.map