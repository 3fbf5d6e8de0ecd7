export * from './database/index.js';
export * from './redis/index.js';
export * from './errors/index.js';
export * from './money/index.js';
export * from './pagination/index.js';
export * from './graphql/index.js';
export * from './geo/index.js';
export * from './ids.js';
export * from './events/index.js';
export * from './crypto/sealing.js';
//# sourceMappingURL=index.js.map