import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { WebhookEndpointsResolver } from './resolvers/webhook-endpoints.resolver.js';
import { WebhookDeliveryLog } from './services/webhook-delivery-log.service.js';
import { WebhookDispatcher } from './services/webhook-dispatcher.service.js';
import { WebhookEndpoints } from './services/webhook-endpoints.service.js';
import { WebhookJobs } from './services/webhook-jobs.service.js';
import { WebhookMetrics } from './services/webhook-metrics.js';
import { WebhookOutbox } from './services/webhook-outbox.service.js';
import { WebhookSender } from './services/webhook-sender.js';
import { WebhookSubscriptions } from './services/webhook-subscriptions.js';

/**
 * Outgoing webhooks (docs/adr/0032-webhook-outbox.md): the endpoints (admins), the outbox other libs write
 * to in their transaction (`WebhookOutbox.emit`), and the senders that deliver it, signed, at least once.
 */
@Module({
  imports: [AuditModule],
  providers: [
    WebhookSubscriptions,
    WebhookOutbox,
    WebhookEndpoints,
    WebhookDeliveryLog,
    WebhookSender,
    WebhookDispatcher,
    WebhookJobs,
    WebhookMetrics,
    WebhookEndpointsResolver,
  ],
  exports: [WebhookOutbox, WebhookDispatcher],
})
export class WebhooksModule {}
