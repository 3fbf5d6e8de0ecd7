import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { NotificationEntity } from './entities/notification.entity.js';
import { NotificationDispatcher } from './services/notification-dispatcher.service.js';
import { NotificationOutbox } from './services/notification-outbox.service.js';
import { OutboxMetrics } from './services/outbox-metrics.js';
import { EmailSender, LogSmsSender, SmsSender, WebhookSmsSender } from './services/senders.js';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  providers: [
    NotificationOutbox,
    NotificationDispatcher,
    EmailSender,
    OutboxMetrics,
    {
      provide: SmsSender,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => {
        const url = c.get('SMS_WEBHOOK_URL');
        return url ? new WebhookSmsSender(url) : new LogSmsSender();
      },
    },
  ],
  exports: [NotificationOutbox, NotificationDispatcher],
})
export class NotificationsModule {}
