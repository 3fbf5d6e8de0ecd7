import { Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';

/** What a webhook delivery comes to. */
export type WebhookReceipt =
  | { kind: 'recorded'; eventId: string; type: string; paymentId: string | null }
  | { kind: 'replayed'; eventId: string }
  | { kind: 'bad-signature'; message: string }
  | { kind: 'not-configured' };

/**
 * The events worth a look by people: money that did not go back (a refund that failed) and money that may
 * be taken back (a dispute). Logged at warn level; every other type is recorded quietly.
 */
const ATTENTION = new Set(['charge.refund.updated', 'refund.failed', 'charge.dispute.created']);

/**
 * Stripe's webhooks, checked and recorded once each in payment_event. Stripe signs every delivery with the
 * endpoint's secret (STRIPE_WEBHOOK_SECRET) and delivers at least once, retrying for days until it gets a
 * 2xx: the event id is unique in the table, so a replay records nothing and is acknowledged all the same.
 * Nothing acts on the events yet (the payment rows stay as the service moved them); they are kept to be
 * read and reconciled.
 */
@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger(StripeWebhookService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly config: AppConfig,
  ) {}

  async receive(rawBody: Buffer, signature: string | undefined): Promise<WebhookReceipt> {
    const secret = this.config.get('STRIPE_WEBHOOK_SECRET');
    if (!secret) return { kind: 'not-configured' };
    let event: Stripe.Event;
    try {
      // Checks the HMAC of the exact bytes Stripe sent and that the timestamp is within 5 minutes (replays).
      event = Stripe.webhooks.constructEvent(rawBody, signature ?? '', secret);
    } catch (err) {
      return { kind: 'bad-signature', message: err instanceof Error ? err.message : String(err) };
    }
    const intent = paymentIntentOf(event.data.object);
    const [row] = await this.tx.manager.query<{ paymentId: string | null }[]>(
      `INSERT INTO payment_event (provider, provider_event_id, type, payment_id, payload)
       VALUES ('stripe', $1, $2, (SELECT id FROM payment WHERE provider = 'stripe' AND provider_ref = $3 LIMIT 1), $4::jsonb)
       ON CONFLICT (provider_event_id) DO NOTHING RETURNING payment_id AS "paymentId"`,
      [event.id, event.type, intent, rawBody.toString('utf8')],
    );
    if (!row) return { kind: 'replayed', eventId: event.id };
    if (ATTENTION.has(event.type))
      this.logger.warn(`stripe ${event.type} ${event.id} (PaymentIntent ${intent ?? 'unknown'}, payment ${row.paymentId ?? 'not ours'})`);
    return { kind: 'recorded', eventId: event.id, type: event.type, paymentId: row.paymentId };
  }
}

/**
 * The PaymentIntent an event's object belongs to: the object itself, or its `payment_intent` (charges,
 * refunds, disputes), expanded or not. Null for objects that have none (a payout, a customer).
 */
export function paymentIntentOf(object: unknown): string | null {
  if (!object || typeof object !== 'object') return null;
  const o = object as { object?: unknown; id?: unknown; payment_intent?: unknown };
  if (o.object === 'payment_intent' && typeof o.id === 'string') return o.id;
  if (typeof o.payment_intent === 'string') return o.payment_intent;
  const expanded = o.payment_intent as { id?: unknown } | null | undefined;
  return expanded && typeof expanded.id === 'string' ? expanded.id : null;
}
