export * from './money.model.js';
export * from './money-total.model.js';
