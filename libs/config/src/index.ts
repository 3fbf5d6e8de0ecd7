export * from './env.js';
export * from './app-config.service.js';
export * from './config.module.js';
export * from './payments.env.js';
export * from './webhooks.env.js';
