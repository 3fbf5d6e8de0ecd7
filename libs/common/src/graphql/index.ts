export * from './loaders.js';
export * from './direct-field.js';
export * from './selection.js';
export * from './answer-dependencies.js';
export * from './safe-int.scalar.js';
