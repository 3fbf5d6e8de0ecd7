export * from './webhooks.module.js';
export * from './webhook-event-type.js';
export * from './services/webhook-outbox.service.js';
export * from './services/webhook-dispatcher.service.js';
export * from './services/webhook-signature.js';
