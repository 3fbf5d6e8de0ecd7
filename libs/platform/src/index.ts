export * from './platform.module.js';
export * from './logger.config.js';
