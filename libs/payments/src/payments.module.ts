import { Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { PAYMENT_PROVIDER, paymentProviderFor } from './provider/provider.factory.js';
import { PaymentsService } from './services/payments.service.js';

/** Money: the payment provider port and its adapters, payments and their transactions (docs/adr/0030-payments.md). */
@Module({
  providers: [{ provide: PAYMENT_PROVIDER, inject: [AppConfig], useFactory: paymentProviderFor }, PaymentsService],
  exports: [PaymentsService],
})
export class PaymentsModule {}
