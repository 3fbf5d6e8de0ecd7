export * from './money.model.js';
