import { BadRequestException, Controller, Headers, HttpCode, Post, Req, ServiceUnavailableException } from '@nestjs/common';
import type { Request } from 'express';
import { StripeWebhookService } from './stripe-webhook.service.js';

/** Where Stripe posts its events (configure this URL in the Stripe dashboard). */
export const STRIPE_WEBHOOK_PATH = '/payments/stripe/webhook';

/**
 * The largest webhook body taken. The body is read before its signature can be checked, so anyone may send
 * one: kept small (Stripe's events are a few kB) but above the GraphQL limit, which does not apply here.
 */
export const STRIPE_WEBHOOK_BODY_LIMIT = '256kb';

/**
 * Whether a request is the webhook's, for the raw body parser apps/api mounts before the JSON one (the
 * signature is over the exact bytes, which JSON parsing would lose). Matches as Express routes do: case
 * and a trailing slash aside.
 */
export function isStripeWebhookRequest(req: { url?: string }): boolean {
  const path = (req.url ?? '').split('?')[0].toLowerCase().replace(/\/+$/, '');
  return path === STRIPE_WEBHOOK_PATH;
}

/**
 * POST /payments/stripe/webhook: 200 once the event is recorded (or was already), 400 for a body whose
 * signature does not check out (Stripe retries, an impostor gives up), 503 while no STRIPE_WEBHOOK_SECRET
 * is configured (Stripe retries for days, so events sent before it is set are not lost).
 */
@Controller()
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Post(STRIPE_WEBHOOK_PATH)
  @HttpCode(200)
  async receive(@Req() req: Request, @Headers('stripe-signature') signature?: string): Promise<{ received: true }> {
    if (!Buffer.isBuffer(req.body)) throw new BadRequestException('Expected the raw body of a Stripe event');
    const receipt = await this.webhooks.receive(req.body, signature);
    switch (receipt.kind) {
      case 'not-configured':
        throw new ServiceUnavailableException('Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)');
      case 'bad-signature':
        throw new BadRequestException('The Stripe-Signature does not match this body');
      default:
        return { received: true };
    }
  }
}
