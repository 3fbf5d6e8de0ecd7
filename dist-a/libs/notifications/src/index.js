export * from './notifications.module.js';
export * from './entities/notification.entity.js';
export * from './models/notification.model.js';
export * from './services/notification-outbox.service.js';
export * from './services/notification-dispatcher.service.js';
export * from './services/senders.js';
//# sourceMappingURL=index.js.map