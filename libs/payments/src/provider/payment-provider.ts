/**
 * What the service asks of a card payment provider (docs/adr/0030-payments.md). Every call carries an
 * idempotency key the service derives from what it pays for (the checkout, the fulfilment, the return), so
 * a retry after a timeout or a crash is the same call to the provider, never a second charge.
 */
export interface AuthorizeRequest {
  /** Minor units. */
  amount: number;
  currency: string;
  /** What the provider's client SDK gave the shop (a Stripe PaymentMethod id, or a sandbox token). */
  token: string;
  idempotencyKey: string;
  /** Shown in the provider's dashboard. */
  description?: string;
}

export interface CaptureRequest {
  /** The authorisation's reference (a PaymentIntent id). */
  reference: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
  /** Nothing more will be captured after this one: the provider releases what is left. */
  final: boolean;
}

export interface VoidRequest {
  reference: string;
  idempotencyKey: string;
}

export interface RefundRequest {
  reference: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
}

/**
 * The provider's answer. `declined`: the card or the bank said no (the customer can use another card);
 * otherwise the provider could not be reached or failed (retry later, same key).
 */
export type ProviderOutcome = { ok: true; reference: string } | { ok: false; declined: boolean; message: string };

/** The port: one adapter per provider (SandboxProvider, StripeProvider), chosen by PAYMENT_PROVIDER. */
export abstract class PaymentProvider {
  abstract readonly name: string;
  abstract authorize(r: AuthorizeRequest): Promise<ProviderOutcome>;
  abstract capture(r: CaptureRequest): Promise<ProviderOutcome>;
  abstract void(r: VoidRequest): Promise<ProviderOutcome>;
  abstract refund(r: RefundRequest): Promise<ProviderOutcome>;
}
