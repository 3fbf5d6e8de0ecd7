import { Injectable } from '@nestjs/common';
import { Clock, errorMessage } from '@app/common';
import { AppConfig } from '@app/config';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';

export interface SendOutcome {
  ok: boolean;
  /** The endpoint's HTTP status, when it answered. */
  statusCode: number | null;
  /** Why it failed, when it did (no answer, a timeout, a status other than 2xx). */
  error: string | null;
  durationMs: number;
}

/**
 * One signed POST to one endpoint with Node's fetch, within WEBHOOK_TIMEOUT_MS (connect, send and the
 * answer's headers). Only 2xx counts as received; a redirect is not followed (it counts as a failure: the
 * endpoint's URL is what an admin set). Never throws: every failure is an outcome for the delivery log.
 */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async post(url: string, secret: string, body: string, eventId: string, eventType: string): Promise<SendOutcome> {
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    const timeoutMs = this.config.get('WEBHOOK_TIMEOUT_MS');
    try {
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'commerce-webhooks/1',
          'x-webhook-id': eventId,
          'x-webhook-event': eventType,
          [SIGNATURE_HEADER]: signatureHeader(secret, Math.floor(this.clock.now() / 1000), body),
        },
        body,
      });
      await res.body?.cancel().catch(() => undefined); // the answer's body is not read: free the connection
      const ok = res.status >= 200 && res.status < 300;
      return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}`, durationMs: took() };
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      const cause = (err as { cause?: unknown }).cause;
      const error = timedOut ? `timed out after ${timeoutMs} ms` : errorMessage(cause ?? err);
      return { ok: false, statusCode: null, error: error.slice(0, 1000), durationMs: took() };
    }
  }
}
