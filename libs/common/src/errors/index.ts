export * from './error-codes.js';
export * from './error-table.js';
export * from './api-errors.js';
export * from './user-error.model.js';
export * from './format-error.js';
export * from './validation.js';
export * from './unavailable.js';
export * from './error-message.js';
