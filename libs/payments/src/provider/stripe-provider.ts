import { Logger } from '@nestjs/common';
import Stripe from 'stripe';
import {
  type AuthorizeRequest,
  type CaptureRequest,
  PaymentProvider,
  type ProviderOutcome,
  type RefundRequest,
  type VoidRequest,
} from './payment-provider.js';

export interface StripeSettings {
  secretKey: string;
  /** Another API host (a local fake in tests); Stripe's own when unset. */
  apiUrl?: string;
  /** Ask Stripe for multicapture on each authorisation (an IC+ account feature): see `capture`. */
  multicapture?: boolean;
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  maxNetworkRetries?: number;
}

/**
 * Captures run inside the handover's database transaction and authorisations while the shopper waits, so
 * a Stripe that hangs must not hold them for the SDK's default 80 s. One retry (same idempotency key, so it
 * is the same request to Stripe) rides over a dropped connection or a 5xx; past that the service answers
 * PAYMENT_UNAVAILABLE and the caller retries later with the same key.
 */
const TIMEOUT_MS = 8_000;
const MAX_NETWORK_RETRIES = 1;

/**
 * The Stripe adapter: one PaymentIntent per authorisation, confirmed server-side with the PaymentMethod the
 * shop's Stripe.js produced and captured later (`capture_method: manual`), by part as fulfilments are
 * handed over. Every call passes the port's idempotency key as Stripe's `Idempotency-Key`, so a retry
 * after a timeout is answered with Stripe's stored response, never a second charge. Nothing here throws
 * for Stripe's or the network's failures: each is mapped to an outcome (a card error is `declined`).
 */
export class StripeProvider extends PaymentProvider {
  readonly name = 'stripe';
  private readonly logger = new Logger(StripeProvider.name);
  private readonly stripe: Stripe;
  private readonly multicapture: boolean;

  constructor(settings: StripeSettings) {
    super();
    this.multicapture = settings.multicapture ?? false;
    this.stripe = new Stripe(settings.secretKey, {
      ...hostOf(settings.apiUrl),
      timeout: settings.timeoutMs ?? TIMEOUT_MS,
      maxNetworkRetries: settings.maxNetworkRetries ?? MAX_NETWORK_RETRIES,
      telemetry: false,
      appInfo: { name: 'unified-commerce' },
    });
  }

  authorize(r: AuthorizeRequest): Promise<ProviderOutcome> {
    return this.outcome('authorize', async () => {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: r.amount,
          currency: r.currency.toLowerCase(),
          payment_method: r.token,
          // Card only (API 2026-11: allowed_payment_method_types): nothing that redirects the shopper.
          allowed_payment_method_types: ['card'],
          capture_method: 'manual',
          confirm: true,
          // No 3-D Secure step in our checkout yet: a card that asks for one fails as a card error
          // (authentication_required, read as declined) instead of waiting in requires_action.
          error_on_requires_action: true,
          ...(this.multicapture ? { payment_method_options: { card: { request_multicapture: 'if_available' as const } } } : {}),
          ...(r.description ? { description: r.description } : {}),
        },
        { idempotencyKey: r.idempotencyKey },
      );
      return intent.status === 'requires_capture'
        ? { ok: true, reference: intent.id }
        : { ok: false, declined: false, message: `Stripe left the PaymentIntent ${intent.id} in ${intent.status}` };
    });
  }

  /**
   * `final` false keeps the rest of the authorisation for later captures (`final_capture: false`). Stripe
   * allows that only with multicapture (an IC+ pricing feature, requested at authorisation with
   * STRIPE_MULTICAPTURE): without it such a capture is refused, read as "not ok", and the handover with it.
   * A final capture releases whatever is left uncaptured.
   */
  capture(r: CaptureRequest): Promise<ProviderOutcome> {
    return this.outcome('capture', async () => {
      const intent = await this.stripe.paymentIntents.capture(
        r.reference,
        { amount_to_capture: r.amount, ...(r.final ? {} : { final_capture: false }) },
        { idempotencyKey: r.idempotencyKey },
      );
      return intent.status === 'succeeded' || (!r.final && intent.status === 'requires_capture')
        ? { ok: true, reference: intent.id }
        : { ok: false, declined: false, message: `Stripe left the PaymentIntent ${intent.id} in ${intent.status} after a capture` };
    });
  }

  /** Cancels the PaymentIntent; one Stripe already canceled (an earlier void whose answer was lost) is done. */
  void(r: VoidRequest): Promise<ProviderOutcome> {
    return this.outcome('void', async () => {
      try {
        const intent = await this.stripe.paymentIntents.cancel(r.reference, {}, { idempotencyKey: r.idempotencyKey });
        return { ok: true, reference: intent.id };
      } catch (err) {
        if (
          err instanceof Stripe.errors.StripeError &&
          err.code === 'payment_intent_unexpected_state' &&
          err.payment_intent?.status === 'canceled'
        )
          return { ok: true, reference: err.payment_intent.id };
        throw err;
      }
    });
  }

  /**
   * A refund of part or all of what was captured. `pending` counts as done: Stripe settles it later, and
   * a refund that fails after all arrives as a `charge.refund.updated` / `refund.failed` webhook (recorded
   * in payment_event).
   */
  refund(r: RefundRequest): Promise<ProviderOutcome> {
    return this.outcome('refund', async () => {
      const refund = await this.stripe.refunds.create(
        { payment_intent: r.reference, amount: r.amount },
        { idempotencyKey: r.idempotencyKey },
      );
      return refund.status === 'failed' || refund.status === 'canceled'
        ? { ok: false, declined: false, message: `Stripe refund ${refund.id} is ${refund.status}` }
        : { ok: true, reference: refund.id };
    });
  }

  /**
   * Runs one call; whatever Stripe or the network throws becomes an outcome (the port never throws). The
   * message may reach the shopper (the service's PAYMENT_DECLINED / PAYMENT_UNAVAILABLE): Stripe's own
   * words without its request id, which goes to the log for support.
   */
  private async outcome(call: string, fn: () => Promise<ProviderOutcome>): Promise<ProviderOutcome> {
    try {
      const outcome = await fn();
      if (!outcome.ok) this.logger.warn(`stripe ${call}: ${outcome.message}`);
      return outcome;
    } catch (err) {
      if (!(err instanceof Stripe.errors.StripeError)) {
        this.logger.warn(`stripe ${call}: ${err instanceof Error ? err.message : String(err)}`);
        return { ok: false, declined: false, message: 'Stripe could not be reached' };
      }
      const said = stripeMessage(err);
      if (err.rawType === 'card_error') return { ok: false, declined: true, message: said || 'The card was declined' };
      this.logger.warn(`stripe ${call}: ${[err.type, err.code, err.requestId].filter(Boolean).join(' ')}: ${said}`);
      return {
        ok: false,
        declined: false,
        message: err.type === 'StripeConnectionError' ? 'Stripe could not be reached' : `Stripe: ${said}`,
      };
    }
  }
}

/** What Stripe said (its error's `message`), without the client's "[req_…] " prefix. */
const stripeMessage = (err: Stripe.errors.StripeError): string => {
  const raw = (err.raw as { message?: unknown } | undefined)?.message;
  return typeof raw === 'string' ? raw : err.message;
};

/** STRIPE_API_URL as the client's host, port and protocol. */
function hostOf(apiUrl: string | undefined): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}
