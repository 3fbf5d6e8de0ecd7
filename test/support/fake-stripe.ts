import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A PaymentIntent as the fake keeps it (the fields the adapter and the tests read). */
export interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  status: 'requires_payment_method' | 'requires_capture' | 'succeeded' | 'canceled';
  capture_method: string;
  payment_method: string | null;
  description: string | null;
  latest_charge: string | null;
  metadata: Record<string, string>;
  payment_method_options: { card: { request_multicapture: 'if_available' | 'never' } };
  canceled_at: number | null;
  created: number;
  livemode: false;
  /** Not Stripe's: what was refunded so far, to refuse refunding more than was captured. */
  amount_refunded: number;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  charge: string | null;
  status: 'succeeded';
  created: number;
}

/** A request the fake answered: method, path, the Idempotency-Key sent and the form it carried. */
export interface FakeRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  form: Record<string, unknown>;
  status: number;
}

interface Answer {
  status: number;
  body: unknown;
}

/** Stripe's test PaymentMethods the fake knows (https://docs.stripe.com/testing). */
export const FAKE_CARDS = { ok: 'pm_card_visa', declined: 'pm_card_chargeDeclined' } as const;

/**
 * A local stand-in for the Stripe endpoints the adapter calls, close enough to the wire protocol for the
 * official client: form-encoded bodies with bracketed keys, `Authorization: Bearer`, JSON answers with a
 * `request-id` header, errors as `{ error: { type, code, message, … } }` with Stripe's status codes, and
 * idempotency as Stripe keeps it (a key's first answer is replayed for the same request, a key reused for
 * another request is an idempotency_error, a 500 is not stored). `down` answers every request with a 500.
 */
export class FakeStripe {
  readonly intents = new Map<string, FakeIntent>();
  readonly refunds = new Map<string, FakeRefund>();
  readonly requests: FakeRequest[] = [];
  /** Every request answered 500 (api_error), as Stripe being down. */
  down = false;

  private readonly stored = new Map<string, { fingerprint: string; answer: Answer }>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  private constructor(private readonly secretKey: string) {}

  static async start(secretKey = 'sk_test_x'): Promise<FakeStripe> {
    const fake = new FakeStripe(secretKey);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests to `path` (exactly, or by a RegExp) and `method`. */
  calls(method: string, path: string | RegExp): FakeRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    const key = header(req, 'idempotency-key');
    const form = parseForm(raw);
    let answer: Answer;
    let replayed = false;
    if (header(req, 'authorization') !== `Bearer ${this.secretKey}`) {
      answer = error(401, 'invalid_request_error', undefined, 'Invalid API Key provided');
    } else if (this.down) {
      answer = error(500, 'api_error', undefined, 'An unknown error occurred (the fake is down)');
    } else if (method === 'POST' && key !== undefined && this.stored.has(key)) {
      const { fingerprint, answer: first } = this.stored.get(key)!;
      replayed = fingerprint === `${method} ${path} ${raw}`;
      answer = replayed
        ? first
        : error(
            400,
            'idempotency_error',
            undefined,
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          );
    } else {
      answer = this.route(method, path, form);
      // Stripe stores what an endpoint answered, not a failure of its own (5xx), for the key's later retries.
      if (method === 'POST' && key !== undefined && answer.status < 500)
        this.stored.set(key, { fingerprint: `${method} ${path} ${raw}`, answer });
    }
    this.requests.push({ method, path, idempotencyKey: key, form, status: answer.status });
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      'request-id': `req_${randomBytes(7).toString('hex')}`,
      ...(key ? { 'idempotency-key': key } : {}),
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
    res.end(JSON.stringify(answer.body));
  }

  private route(method: string, path: string, form: Record<string, unknown>): Answer {
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/payment_intents') return this.createIntent(form);
    if (method === 'GET' && (m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path))) return this.withIntent(m[1], (pi) => ok(pi));
    if (method === 'POST' && (m = /^\/v1\/payment_intents\/([^/]+)\/capture$/.exec(path)))
      return this.withIntent(m[1], (pi) => this.capture(pi, form));
    if (method === 'POST' && (m = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path)))
      return this.withIntent(m[1], (pi) => this.cancel(pi));
    if (method === 'POST' && path === '/v1/refunds') return this.createRefund(form);
    return error(404, 'invalid_request_error', undefined, `Unrecognized request URL (${method}: ${path}).`);
  }

  private createIntent(form: Record<string, unknown>): Answer {
    const amount = Number(form.amount);
    const currency = typeof form.currency === 'string' ? form.currency : '';
    if (!Number.isInteger(amount) || amount < 1)
      return error(400, 'invalid_request_error', 'parameter_invalid_integer', 'Invalid amount', 'amount');
    if (!/^[a-z]{3}$/.test(currency))
      return error(400, 'invalid_request_error', 'parameter_invalid', `Invalid currency: ${currency}`, 'currency');
    const pm = typeof form.payment_method === 'string' ? form.payment_method : null;
    if (pm !== null && pm !== FAKE_CARDS.ok && pm !== FAKE_CARDS.declined)
      return error(400, 'invalid_request_error', 'resource_missing', `No such PaymentMethod: '${pm}'`, 'payment_method');
    const options = form.payment_method_options as { card?: { request_multicapture?: string } } | undefined;
    const pi: FakeIntent = {
      id: `pi_${randomBytes(12).toString('hex')}`,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      currency,
      status: 'requires_payment_method',
      capture_method: typeof form.capture_method === 'string' ? form.capture_method : 'automatic',
      payment_method: pm,
      description: typeof form.description === 'string' ? form.description : null,
      latest_charge: null,
      metadata: (form.metadata as Record<string, string> | undefined) ?? {},
      payment_method_options: {
        card: { request_multicapture: options?.card?.request_multicapture === 'if_available' ? 'if_available' : 'never' },
      },
      canceled_at: null,
      created: now(),
      livemode: false,
      amount_refunded: 0,
    };
    this.intents.set(pi.id, pi);
    if (form.confirm !== 'true' || pm === null) return ok(pi);
    pi.latest_charge = `ch_${randomBytes(12).toString('hex')}`;
    if (pm === FAKE_CARDS.declined) {
      return {
        status: 402,
        body: {
          error: {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
            charge: pi.latest_charge,
            doc_url: 'https://stripe.com/docs/error-codes/card-declined',
            payment_intent: pi,
          },
        },
      };
    }
    if (pi.capture_method === 'manual') {
      pi.status = 'requires_capture';
      pi.amount_capturable = amount;
    } else {
      pi.status = 'succeeded';
      pi.amount_received = amount;
    }
    return ok(pi);
  }

  private capture(pi: FakeIntent, form: Record<string, unknown>): Answer {
    if (pi.status !== 'requires_capture') return unexpectedState(pi, 'capture');
    const amount = form.amount_to_capture === undefined ? pi.amount_capturable : Number(form.amount_to_capture);
    if (!Number.isInteger(amount) || amount < 1 || amount > pi.amount_capturable)
      return error(
        400,
        'invalid_request_error',
        'amount_too_large',
        `amount_to_capture must be at most ${pi.amount_capturable}`,
        'amount_to_capture',
      );
    const final = form.final_capture !== 'false';
    if (!final && pi.payment_method_options.card.request_multicapture !== 'if_available')
      return error(400, 'invalid_request_error', 'parameter_invalid', 'final_capture can only be false with multicapture', 'final_capture');
    pi.amount_received += amount;
    pi.amount_capturable = final ? 0 : pi.amount_capturable - amount;
    if (pi.amount_capturable === 0) pi.status = 'succeeded';
    return ok(pi);
  }

  private cancel(pi: FakeIntent): Answer {
    if (pi.status === 'succeeded' || pi.status === 'canceled') return unexpectedState(pi, 'cancel');
    pi.status = 'canceled';
    pi.amount_capturable = 0;
    pi.canceled_at = now();
    return ok(pi);
  }

  private createRefund(form: Record<string, unknown>): Answer {
    const pi = typeof form.payment_intent === 'string' ? this.intents.get(form.payment_intent) : undefined;
    if (!pi)
      return error(
        400,
        'invalid_request_error',
        'resource_missing',
        `No such payment_intent: '${String(form.payment_intent)}'`,
        'payment_intent',
      );
    const left = pi.amount_received - pi.amount_refunded;
    const amount = form.amount === undefined ? left : Number(form.amount);
    if (left === 0) return error(400, 'invalid_request_error', 'charge_already_refunded', 'This charge has already been refunded.');
    if (!Number.isInteger(amount) || amount < 1 || amount > left)
      return error(400, 'invalid_request_error', 'amount_too_large', `Refund amount must be at most ${left}`, 'amount');
    pi.amount_refunded += amount;
    const refund: FakeRefund = {
      id: `re_${randomBytes(12).toString('hex')}`,
      object: 'refund',
      amount,
      currency: pi.currency,
      payment_intent: pi.id,
      charge: pi.latest_charge,
      status: 'succeeded',
      created: now(),
    };
    this.refunds.set(refund.id, refund);
    return ok(refund);
  }

  private withIntent(id: string, fn: (pi: FakeIntent) => Answer): Answer {
    const pi = this.intents.get(id);
    return pi ? fn(pi) : error(404, 'invalid_request_error', 'resource_missing', `No such payment_intent: '${id}'`, 'intent');
  }
}

/**
 * A form body as Stripe reads it: `a[b][c]=v` nests, and an object whose keys are 0..n-1 (`a[0]=x&a[1]=y`)
 * is an array.
 */
export function parseForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split('[').map((part, i) => (i === 0 ? part : part.replace(/\]$/, '')));
    let node = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return arrays(root) as Record<string, unknown>;
}

function arrays(v: unknown): unknown {
  if (!v || typeof v !== 'object') return v;
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, arrays(x)] as const);
  const indexed = entries.length > 0 && entries.every(([k], i) => k === String(i));
  return indexed ? entries.map(([, x]) => x) : Object.fromEntries(entries);
}

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
const now = () => Math.floor(Date.now() / 1000);
const ok = (body: unknown): Answer => ({ status: 200, body });
const error = (status: number, type: string, code: string | undefined, message: string, param?: string): Answer => ({
  status,
  body: { error: { type, ...(code ? { code } : {}), message, ...(param ? { param } : {}) } },
});
const unexpectedState = (pi: FakeIntent, action: string): Answer => ({
  status: 400,
  body: {
    error: {
      type: 'invalid_request_error',
      code: 'payment_intent_unexpected_state',
      message: `You cannot ${action} this PaymentIntent because it has a status of ${pi.status}.`,
      payment_intent: pi,
    },
  },
});
