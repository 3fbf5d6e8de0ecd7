import { Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { PAYMENT_PROVIDER, paymentProviderFor } from './provider/provider.factory.js';
import { PaymentsService } from './services/payments.service.js';
import { RefundsService } from './services/refunds.service.js';
import { StripeWebhookController } from './webhooks/stripe-webhook.controller.js';
import { StripeWebhookService } from './webhooks/stripe-webhook.service.js';

/**
 * Money: the payment provider port and its adapters, payments and their transactions, and the provider's
 * webhooks (docs/adr/0030-payments.md).
 */
@Module({
  controllers: [StripeWebhookController],
  providers: [
    { provide: PAYMENT_PROVIDER, inject: [AppConfig], useFactory: paymentProviderFor },
    PaymentsService,
    RefundsService,
    StripeWebhookService,
  ],
  exports: [PaymentsService, RefundsService],
})
export class PaymentsModule {}
