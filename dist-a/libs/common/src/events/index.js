export * from './event-bus.js';
//# sourceMappingURL=index.js.map