var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/src/index.js';
import { NotificationEntity } from './entities/notification.entity.js';
import { NotificationDispatcher } from './services/notification-dispatcher.service.js';
import { NotificationOutbox } from './services/notification-outbox.service.js';
import { OutboxMetrics } from './services/outbox-metrics.js';
import { EmailSender, LogSmsSender, SmsSender, WebhookSmsSender } from './services/senders.js';
let NotificationsModule = class NotificationsModule {
};
NotificationsModule = __decorate([
    Module({
        imports: [TypeOrmModule.forFeature([NotificationEntity])],
        providers: [
            NotificationOutbox, NotificationDispatcher, EmailSender, OutboxMetrics,
            { provide: SmsSender, inject: [AppConfig], useFactory: (c) => { const url = c.get('SMS_WEBHOOK_URL'); return url ? new WebhookSmsSender(url) : new LogSmsSender(); } },
        ],
        exports: [NotificationOutbox, NotificationDispatcher],
    })
], NotificationsModule);
export { NotificationsModule };
//# sourceMappingURL=notifications.module.js.map