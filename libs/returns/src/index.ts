export * from './returns.module.js';
export * from './models/return.model.js';
export * from './services/return-facts.service.js';
