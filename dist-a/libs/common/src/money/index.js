export * from './money.model.js';
//# sourceMappingURL=index.js.map