export * from './page-info.model.js';
export * from './cursor.js';
export * from './time-cursor.js';
