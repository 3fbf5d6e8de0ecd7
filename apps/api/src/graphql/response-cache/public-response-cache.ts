import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type DocumentNode, type GraphQLError, Kind, type OperationDefinitionNode, OperationTypeNode, parse } from 'graphql';
import { answerDependencies, EventBus, RedisService, trackAnswerDependencies } from '@app/common';
import { AppConfig } from '@app/config';
import { ChangeLog, type Moment } from './change-log.js';

/**
 * Root fields whose answers are the same for every caller and are asked again and again: catalogue pages
 * (first pages, popular searches, the next pages after them). Measured with npm run bench: product pages
 * by slug and storesNear around a point almost never repeat within the TTL, so caching them only cost
 * CPU (storesNear 1.63 ms per request without it, 2.27 ms with it); they are left out.
 */
const PUBLIC_ROOTS = new Set(['products', '__typename']);
const MAX_ENTRIES = 1_000;
const MAX_BYTES = 16 * 1024 * 1024; // a catalogue page of 20 products is about 20 kB
const MAX_DOCUMENTS = 1_000;
const FLIGHT_WAIT_MS = 2_000;
const MAX_QUERY_LENGTH = 10_000; // longer documents are not considered (nor their decision kept): 10 MB of texts at most
const MAX_CHANGES = 100_000; // variants whose last stock change is remembered for flights in progress
const CHANGES_KEPT_MS = 10_000; // longer than any flight whose answer is kept (a waiter gives up after FLIGHT_WAIT_MS)

/** Where an answer's copy is kept in Redis. */
export const redisKey = (key: string) => `response:${createHash('sha1').update(key).digest('base64url')}`;

export function isPublicQuery(op: OperationDefinitionNode): boolean {
  return (
    op.operation === OperationTypeNode.QUERY &&
    op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOTS.has(s.name.value))
  );
}

export interface CachedAnswer {
  body: Buffer;
  contentType: string;
  operationName: string | null;
  expires: number;
  /** The variants whose stock it shows, while it is kept until one changes (indexed in `byVariant`). */
  variants?: Set<string>;
}

interface Flight {
  owner: object;
  /** A change heard after this may be missing from its answer. */
  began: Moment;
  promise: Promise<CachedAnswer | null>;
  resolve: (answer: CachedAnswer | null) => void;
}

/** A POSTed JSON body as keyOf reads it: any JSON value, each field checked before use. */
export type GraphQLBody = { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };

const BEGUN = Symbol('publicResponseCache.key');
const COUNTED = Symbol('publicResponseCache.counted');
const OFFERED = Symbol('publicResponseCache.offered');

type Offered = { operationName: string | null };
type Response = import('node:http').ServerResponse;

/** The key of the flight this request computes, if it was let through to fill the cache. */
export const keyBegunBy = (req: object | undefined): string | undefined => (req as { [BEGUN]?: string } | undefined)?.[BEGUN];
/** A rate-limit verdict the cache already reached for this request (null: counted, within the limit). */
export const countedByCache = (req: object | undefined): GraphQLError | null | undefined =>
  (req as { [COUNTED]?: GraphQLError | null } | undefined)?.[COUNTED];
export const markCounted = (req: object, verdict: GraphQLError | null): void => {
  (req as { [COUNTED]?: GraphQLError | null })[COUNTED] = verdict;
};

/**
 * Whole answers to public queries, kept as the bytes that were sent, so a repeat is answered before
 * Nest's pipeline, Apollo and graphql-js run (PublicResponseCacheMiddleware), and filled by the GraphQL
 * plugin from the answer the first request got. Concurrent misses of one key wait for the first (one
 * execution per key, not one per connection when an entry expires). Only answers without errors are kept.
 *
 * How long: an answer is kept for RESPONSE_CACHE_MS (5 s) in the process that ran it, and dropped as soon
 * as any process commits a change to the stock of a variant it shows, or adds a product (events: this
 * process's at commit, the others' through Redis). An answer whose flight heard such a change after it
 * began is not kept at all. What no event covers lives RESPONSE_CACHE_SHARED_MS (500 ms) from the moment
 * its flight began: a listing chosen by stock (availableAt; its variants' own events still drop it), an
 * answer kept while events are not heard, the copies in Redis (a process that misses asks Redis before
 * running the query; a copy carries its variants and when its flight began, so the taker can refuse one
 * older than a change it heard and drop it on later ones). So a stock count on a kept page is as fresh as
 * the events, at most RESPONSE_CACHE_SHARED_MS old where there are none; RESPONSE_CACHE_MS bounds a lost event.
 */
@Injectable()
export class PublicResponseCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PublicResponseCache.name);
  readonly ttlMs: number;
  private readonly sharedMs: number;
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly flights = new Map<string, Flight>();
  private readonly documents = new Map<string, Decision>();
  private readonly maxTokens: number;
  private bytes = 0;
  /** Kept answers by the variants whose stock they show. */
  private readonly byVariant = new Map<string, Set<string>>();
  private readonly changes = new ChangeLog(CHANGES_KEPT_MS, MAX_CHANGES);
  /** Whether events reach this process now: subscribed, and the subscription not lost since. */
  private listening = false;
  private nextSweep = 0;
  private readonly stops: Array<() => Promise<void> | void> = [];

  constructor(
    config: AppConfig,
    private readonly redis: RedisService,
    private readonly events: EventBus,
  ) {
    this.ttlMs = config.get('RESPONSE_CACHE_MS');
    this.sharedMs = Math.min(this.ttlMs, config.get('RESPONSE_CACHE_SHARED_MS'));
    this.maxTokens = config.get('GRAPHQL_MAX_TOKENS');
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    // Kept long only while every process's events are heard: both channels subscribed, the subscription not
    // lost since. Until then, and while it is down, answers live RESPONSE_CACHE_SHARED_MS; whatever was
    // kept goes when it is lost (events sent meanwhile are lost) and when it is back.
    let subscribed = 0;
    const heard = () => {
      if (++subscribed < 2) return;
      this.forgetAll();
      this.listening = true;
    };
    this.stops.push(await this.events.on('stock-variant', (e) => this.stockChanged(e.variantId), heard));
    this.stops.push(await this.events.on('catalogue-changed', () => this.forgetAll(), heard));
    this.stops.push(
      this.redis.onSubscriptionsLost(() => {
        this.listening = false;
        this.forgetAll();
      }),
    );
    this.stops.push(
      this.redis.onSubscriptionsRestored(() => {
        if (subscribed < 2) return;
        this.forgetAll();
        this.listening = true;
      }),
    );
    if (!this.listening)
      this.logger.warn(`stock events from other processes not heard yet: answers are kept ${this.sharedMs} ms until they are`);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.stops.splice(0).map((stop) => stop()));
  }

  /** A variant's stock changed (committed): drop the answers that show it, and any flight's that may. */
  stockChanged(variantId: string): void {
    const now = Date.now();
    if (now >= this.nextSweep) this.sweep(now);
    this.changes.variantChanged(variantId);
    const keys = this.byVariant.get(variantId);
    if (keys) this.invalidate([...keys]);
  }

  /** Anything may have changed (a new product, events lost): drop every answer, and every flight's. */
  forgetAll(): void {
    this.changes.everythingChanged();
    this.invalidate([...this.entries.keys()]);
  }

  /** Drops answers that are out of date, and their copies in Redis, so that no process takes them from there. */
  private invalidate(keys: string[]): void {
    for (const key of keys) this.drop(key);
    if (keys.length && this.redis.kind === 'redis' && this.redis.ready) this.redis.del(...keys.map(redisKey)).catch(() => undefined);
  }

  /** The key of a POSTed public query (document, operation, variables, and the Accept that picks the content type); else null. */
  keyOf(body: GraphQLBody | undefined, accept: string | undefined): string | null {
    if (!body || typeof body.query !== 'string' || body.query.length > MAX_QUERY_LENGTH || body.extensions !== undefined) return null;
    const operationName = typeof body.operationName === 'string' ? body.operationName : null;
    if (body.operationName != null && operationName === null) return null;
    if (!this.isPublic(body.query, operationName)) return null;
    try {
      return JSON.stringify([body.query, operationName, body.variables ?? {}, accept ?? '']);
    } catch {
      return null; // variables JSON.stringify cannot write (nested too deep): not cacheable, Apollo answers
    }
  }

  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires > Date.now()) return hit;
    this.drop(key);
    return undefined;
  }

  /**
   * The answer being computed for this key by another request, if one is; null after FLIGHT_WAIT_MS
   * (the waiter then runs the query itself rather than wait on a slow one).
   */
  flight(key: string): Promise<CachedAnswer | null> | undefined {
    const flight = this.flights.get(key);
    if (!flight) return undefined;
    let timer: NodeJS.Timeout;
    const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), FLIGHT_WAIT_MS)));
    return Promise.race([flight.promise, timeout]).finally(() => clearTimeout(timer));
  }

  /**
   * `req` computes the answer for `key`; requests arriving meanwhile wait for it. When its response has
   * been sent, the bytes sent are kept if the plugin offered the answer (no errors) and the status was
   * 200, with the content type sent: Apollo's own serialisation, not a second JSON.stringify of 20 kB.
   */
  begin(key: string, req: object, res: Pick<Response, 'once' | 'statusCode' | 'getHeader'> & { send?: (body: unknown) => unknown }): void {
    let resolve!: Flight['resolve'];
    const promise = new Promise<CachedAnswer | null>((r) => (resolve = r));
    this.flights.set(key, { owner: req, began: this.changes.now(), promise, resolve });
    (req as { [BEGUN]?: string })[BEGUN] = key;
    trackAnswerDependencies(req);
    let sent: string | undefined;
    const send = res.send;
    if (send) {
      res.send = function (this: unknown, body: unknown) {
        if (typeof body === 'string') sent = body;
        return send.call(this, body);
      };
    }
    res.once('finish', () => {
      const offered = (req as { [OFFERED]?: Offered })[OFFERED];
      const contentType = res.getHeader('content-type');
      this.settle(
        req,
        offered && sent !== undefined && res.statusCode === 200 && typeof contentType === 'string'
          ? { ...offered, body: sent, contentType }
          : null,
      );
    });
    res.once('close', () => this.settle(req, null)); // after finish, or instead of it when the client went away
  }

  /** The answer of the request which began a flight has no errors: what it sends may be kept. */
  offer(req: object, answer: Offered): void {
    (req as { [OFFERED]?: Offered })[OFFERED] = answer;
  }

  private settle(req: object, answer: (Offered & { body: string; contentType: string }) | null): void {
    const key = keyBegunBy(req);
    const flight = key === undefined ? undefined : this.flights.get(key);
    if (!key || !flight || flight.owner !== req) return;
    this.flights.delete(key);
    flight.resolve((answer && this.keep(key, answer, req, flight.began)) ?? null);
  }

  /** Keeps the answer `req` computed: until what it shows changes, or briefly where no event would say. */
  private keep(key: string, answer: Offered & { body: string; contentType: string }, req: object, began: Moment): CachedAnswer | null {
    const deps = answerDependencies(req);
    const variants = deps ? new Set(deps.variants) : new Set<string>();
    if (this.changes.changedSince(began, variants)) return null;
    const now = Date.now();
    const briefly = began.at + this.sharedMs; // counted from before the read
    const expires = this.listening && deps && !deps.chosenByStock ? now + this.ttlMs : briefly;
    const entry = this.store(key, answer, expires, this.listening ? variants : undefined);
    if (entry && this.redis.kind === 'redis' && this.redis.ready && briefly > now) {
      const head = JSON.stringify({
        expires: briefly,
        began: began.at,
        contentType: answer.contentType,
        operationName: answer.operationName,
        variants: [...variants],
      });
      // A cache: losing it costs one more run.
      this.redis.set(redisKey(key), `${head}\n${answer.body}`, briefly - now).catch(() => undefined);
    }
    return entry;
  }

  /**
   * The answer another process put in Redis for this key, kept here until the same expiry; undefined
   * without a real Redis, or when Redis has none or fails (the query then runs here).
   */
  async fromRedis(key: string): Promise<CachedAnswer | undefined> {
    if (this.redis.kind !== 'redis' || !this.redis.ready) return undefined;
    const stored = await this.redis.get(redisKey(key)).catch(() => null);
    const cut = stored?.indexOf('\n') ?? -1;
    if (!stored || cut < 0) return undefined;
    let head: { expires: number; began: number; contentType: string; operationName: string | null; variants: string[] };
    try {
      head = JSON.parse(stored.slice(0, cut)) as typeof head;
    } catch {
      return undefined;
    }
    if (
      !(head.expires > Date.now()) ||
      typeof head.began !== 'number' ||
      typeof head.contentType !== 'string' ||
      !Array.isArray(head.variants)
    )
      return undefined;
    // Refused if this process heard of a change to its variants after its writer began reading; later ones drop it.
    const variants = new Set(head.variants.map(String));
    if (this.changes.changedAfter(head.began, variants)) return undefined;
    const answer = { body: stored.slice(cut + 1), contentType: head.contentType, operationName: head.operationName };
    return this.store(key, answer, Math.min(head.expires, Date.now() + this.sharedMs), this.listening ? variants : undefined) ?? undefined;
  }

  /** Ends the flight `req` began with an answer found elsewhere (Redis), for the requests waiting on it. */
  resolveWith(req: object, answer: CachedAnswer): void {
    const key = keyBegunBy(req);
    const flight = key === undefined ? undefined : this.flights.get(key);
    if (!key || !flight || flight.owner !== req) return;
    this.flights.delete(key);
    flight.resolve(answer);
  }

  private store(
    key: string,
    answer: Offered & { body: string; contentType: string },
    expires: number,
    variants?: Set<string>,
  ): CachedAnswer | null {
    const body = Buffer.from(answer.body);
    if (body.length > MAX_BYTES / 16) return null;
    const now = Date.now();
    if (now >= this.nextSweep) this.sweep(now);
    // Over a cap, the oldest go first: insertion order.
    for (const k of this.entries.keys()) {
      if (this.entries.size < MAX_ENTRIES && this.bytes + body.length <= MAX_BYTES) break;
      this.drop(k);
    }
    this.drop(key);
    const entry: CachedAnswer = { body, contentType: answer.contentType, operationName: answer.operationName, expires, variants };
    this.entries.set(key, entry);
    this.bytes += body.length;
    if (variants) {
      for (const v of variants) {
        let keys = this.byVariant.get(v);
        if (!keys) this.byVariant.set(v, (keys = new Set()));
        keys.add(key);
      }
    }
    return entry;
  }

  /** Expired answers and old changes, at most twice a second: lifetimes differ, so expired answers are not all at the head. */
  private sweep(now: number): void {
    this.nextSweep = now + 500;
    for (const [k, v] of this.entries) if (v.expires <= now) this.drop(k);
    this.changes.prune(now);
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.body.length;
    if (e.variants) {
      for (const v of e.variants) {
        const keys = this.byVariant.get(v);
        keys?.delete(key);
        if (keys?.size === 0) this.byVariant.delete(v);
      }
    }
  }

  /**
   * Whether a request would run a public operation: decided once per document text and kept as that
   * decision only (the names of its public operations, or of its sole operation), not as the parsed
   * document, so many distinct documents cost their text and a few bytes each.
   */
  private isPublic(query: string, operationName: string | null): boolean {
    let d = this.documents.get(query);
    if (d === undefined) {
      d = decide(query, this.maxTokens);
      if (this.documents.size >= MAX_DOCUMENTS) this.documents.clear();
      this.documents.set(query, d);
    }
    return operationName === null ? d.sole === true : d.publicNames.has(operationName);
  }
}

interface Decision {
  /** The document has exactly one operation and it is public. */
  sole: boolean;
  publicNames: Set<string>;
}

function decide(query: string, maxTokens: number): Decision {
  let doc: DocumentNode;
  try {
    doc = parse(query, { maxTokens, noLocation: true });
  } catch {
    return { sole: false, publicNames: new Set() };
  }
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return {
    sole: ops.length === 1 && isPublicQuery(ops[0]),
    publicNames: new Set(ops.filter((o) => o.name && isPublicQuery(o)).map((o) => o.name!.value)),
  };
}
