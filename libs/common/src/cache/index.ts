export * from './invalidating-cache.js';
export * from './invalidate-on-events.js';
