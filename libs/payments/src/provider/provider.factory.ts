import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { PaymentProvider } from './payment-provider.js';
import { SandboxProvider } from './sandbox-provider.js';
import { StripeProvider } from './stripe-provider.js';

/**
 * The adapter PAYMENT_PROVIDER names (the sandbox outside production when unset), or null: no card
 * payments in production without a provider (Env refuses the sandbox there unless allowed explicitly).
 */
export function paymentProviderFor(config: AppConfig): PaymentProvider | null {
  const name = config.get('PAYMENT_PROVIDER') ?? (config.get('NODE_ENV') === 'production' ? undefined : 'sandbox');
  switch (name) {
    case 'sandbox':
      return new SandboxProvider(config.get('PAYMENT_SANDBOX_LATENCY_MS'));
    case 'stripe':
      // Env refuses PAYMENT_PROVIDER=stripe without STRIPE_SECRET_KEY.
      return new StripeProvider({
        secretKey: config.get('STRIPE_SECRET_KEY')!,
        apiUrl: config.get('STRIPE_API_URL'),
        multicapture: config.get('STRIPE_MULTICAPTURE'),
      });
    default:
      new Logger('Payments').warn('No PAYMENT_PROVIDER: card payments are refused (PAYMENT_METHOD_NOT_ALLOWED)');
      return null;
  }
}

/** The injection token of the configured provider (null when there is none). */
export const PAYMENT_PROVIDER = Symbol('PaymentProvider');
