export * from './bulk.module.js';
export * from './bulk-job.model.js';
