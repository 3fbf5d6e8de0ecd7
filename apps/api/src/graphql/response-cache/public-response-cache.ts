import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { GraphQLError } from 'graphql';
import { answerDependencies, EventBus, InvalidatingCache, invalidateOnEvents, RedisService, trackAnswerDependencies } from '@app/common';
import { AppConfig } from '@app/config';
import { MAX_QUERY_LENGTH, PublicDocuments } from './public-queries.js';

const MAX_ENTRIES = 1_000;
const MAX_BYTES = 16 * 1024 * 1024; // a catalogue page of 20 products is about 20 kB
const FLIGHT_WAIT_MS = 2_000;
const MAX_CHANGES = 100_000; // variants whose last stock change is remembered for flights in progress
const CHANGES_KEPT_MS = 10_000; // longer than any flight whose answer is kept (a waiter gives up after FLIGHT_WAIT_MS)

/** Where an answer's copy is kept in Redis. */
export const redisKey = (key: string) => `response:${createHash('sha1').update(key).digest('base64url')}`;

export interface CachedAnswer {
  body: Buffer;
  contentType: string;
  operationName: string | null;
}

/** When a flight began: the store's version (exact in this process), and the wall clock (for other processes). */
interface Moment {
  seq: number;
  at: number;
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
  /**
   * The answers, tagged with the variants whose stock they show (ADR 0027). Deaf until both event channels
   * are subscribed, and while the subscription is lost: answers then live RESPONSE_CACHE_SHARED_MS.
   * Changes are remembered CHANGES_KEPT_MS for flights in progress and for other processes' copies.
   */
  private readonly store: InvalidatingCache<CachedAnswer>;
  private readonly flights = new Map<string, Flight>();
  private readonly documents: PublicDocuments;
  private stop?: () => Promise<void>;

  constructor(
    config: AppConfig,
    private readonly redis: RedisService,
    private readonly events: EventBus,
  ) {
    this.ttlMs = config.get('RESPONSE_CACHE_MS');
    this.sharedMs = Math.min(this.ttlMs, config.get('RESPONSE_CACHE_SHARED_MS'));
    this.documents = new PublicDocuments(config.get('GRAPHQL_MAX_TOKENS'));
    this.store = new InvalidatingCache<CachedAnswer>({
      ttlMs: this.ttlMs,
      degradedTtlMs: this.sharedMs,
      heard: false,
      maxEntries: MAX_ENTRIES,
      maxWeight: MAX_BYTES,
      weigh: (answer) => answer.body.length,
      maxTracked: MAX_CHANGES,
      trackMs: CHANGES_KEPT_MS,
      sweepMs: 500, // lifetimes differ: a sweep walks every entry, at most twice a second
    });
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    // Kept long only while every process's events are heard: both channels subscribed, the subscription not
    // lost since. Until then, and while it is down, answers live RESPONSE_CACHE_SHARED_MS; whatever was
    // kept goes when it is lost (events sent meanwhile are lost) and when it is back.
    this.stop = await invalidateOnEvents(
      this.store,
      this.events,
      this.redis,
      { 'stock-variant': (e) => e.variantId, 'catalogue-changed': 'all' },
      (keys) => this.dropCopies(keys),
    );
    if (!this.store.listening)
      this.logger.warn(`stock events from other processes not heard yet: answers are kept ${this.sharedMs} ms until they are`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop?.();
  }

  /** A variant's stock changed (committed): drop the answers that show it, and any flight's that may. */
  stockChanged(variantId: string): void {
    this.dropCopies(this.store.invalidate(variantId));
  }

  /** Anything may have changed (a new product, events lost): drop every answer, and every flight's. */
  forgetAll(): void {
    this.dropCopies(this.store.invalidateAll());
  }

  /** Drops the copies in Redis of answers that went out of date, so that no process takes them from there. */
  private dropCopies(keys: readonly string[]): void {
    if (keys.length && this.redis.kind === 'redis' && this.redis.ready) this.redis.del(...keys.map(redisKey)).catch(() => undefined);
  }

  /** The key of a POSTed public query (document, operation, variables, and the Accept that picks the content type); else null. */
  keyOf(body: GraphQLBody | undefined, accept: string | undefined): string | null {
    if (!body || typeof body.query !== 'string' || body.query.length > MAX_QUERY_LENGTH || body.extensions !== undefined) return null;
    const operationName = typeof body.operationName === 'string' ? body.operationName : null;
    if (body.operationName != null && operationName === null) return null;
    if (!this.documents.isPublic(body.query, operationName)) return null;
    try {
      return JSON.stringify([body.query, operationName, body.variables ?? {}, accept ?? '']);
    } catch {
      return null; // variables JSON.stringify cannot write (nested too deep): not cacheable, Apollo answers
    }
  }

  get(key: string): CachedAnswer | undefined {
    return this.store.get(key);
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
    this.flights.set(key, { owner: req, began: { seq: this.store.version(), at: Date.now() }, promise, resolve });
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
    const variants = deps ? [...deps.variants] : [];
    const now = Date.now();
    const briefly = began.at + this.sharedMs; // counted from before the read
    const entry: CachedAnswer = { body: Buffer.from(answer.body), contentType: answer.contentType, operationName: answer.operationName };
    const long = this.store.listening && deps && !deps.chosenByStock;
    // Not kept if one of its variants changed since the flight began.
    if (!this.store.set(key, entry, began.seq, variants, long ? undefined : briefly)) return null;
    if (this.redis.kind === 'redis' && this.redis.ready && briefly > now) {
      const head = JSON.stringify({
        expires: briefly,
        began: began.at,
        contentType: answer.contentType,
        operationName: answer.operationName,
        variants,
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
    const variants = head.variants.map(String);
    if (this.store.changedAfter(head.began, variants)) return undefined;
    const answer = { body: Buffer.from(stored.slice(cut + 1)), contentType: head.contentType, operationName: head.operationName };
    const expires = Math.min(head.expires, Date.now() + this.sharedMs);
    return this.store.set(key, answer, this.store.version(), variants, expires) ? answer : undefined;
  }

  /** Ends the flight `req` began with an answer found elsewhere (Redis), for the requests waiting on it. */
  resolveWith(req: object, answer: CachedAnswer): void {
    const key = keyBegunBy(req);
    const flight = key === undefined ? undefined : this.flights.get(key);
    if (!key || !flight || flight.owner !== req) return;
    this.flights.delete(key);
    flight.resolve(answer);
  }
}
