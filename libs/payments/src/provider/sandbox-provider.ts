import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AuthorizeRequest,
  type CaptureRequest,
  PaymentProvider,
  type ProviderOutcome,
  type RefundRequest,
  type VoidRequest,
} from './payment-provider.js';

/** The contract's test tokens (CONTRACT.md, Version 2, Payments). */
export const SANDBOX_TOKENS = {
  ok: 'tok_sandbox_ok',
  declined: 'tok_sandbox_declined',
  unavailable: 'tok_sandbox_unavailable',
} as const;

/**
 * The built-in provider: no money moves. Deterministic and stateless, so it is idempotent across
 * processes and restarts: a reference is derived from the idempotency key, so the same call gives the
 * same answer. `tok_sandbox_ok` authorises, `tok_sandbox_declined` is declined, `tok_sandbox_unavailable`
 * answers as a provider that is down; any other token is declined. Captures, voids and refunds succeed.
 */
export class SandboxProvider extends PaymentProvider {
  readonly name = 'sandbox';

  constructor(private readonly latencyMs: number) {
    super();
  }

  async authorize(r: AuthorizeRequest): Promise<ProviderOutcome> {
    await this.wait();
    if (r.token === SANDBOX_TOKENS.unavailable)
      return { ok: false, declined: false, message: 'The sandbox provider is unavailable (test token)' };
    if (r.token !== SANDBOX_TOKENS.ok) return { ok: false, declined: true, message: 'The card was declined (sandbox)' };
    return { ok: true, reference: reference('auth', r.idempotencyKey) };
  }

  async capture(r: CaptureRequest): Promise<ProviderOutcome> {
    await this.wait();
    return { ok: true, reference: reference('cap', r.idempotencyKey) };
  }

  async void(r: VoidRequest): Promise<ProviderOutcome> {
    await this.wait();
    return { ok: true, reference: reference('void', r.idempotencyKey) };
  }

  async refund(r: RefundRequest): Promise<ProviderOutcome> {
    await this.wait();
    return { ok: true, reference: reference('ref', r.idempotencyKey) };
  }

  private async wait(): Promise<void> {
    if (this.latencyMs > 0) await sleep(this.latencyMs);
  }
}

const reference = (kind: string, key: string) => `sbx_${kind}_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
