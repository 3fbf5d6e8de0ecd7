var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Kind, parse } from 'graphql';
import { RedisService } from '../../../../../libs/common/src/index.js';
import { AppConfig } from '../../../../../libs/config/src/index.js';
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
const redisKey = (key) => `response:${createHash('sha1').update(key).digest('base64url')}`;
export function isPublicQuery(op) {
    return op.operation === 'query' && op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOTS.has(s.name.value));
}
const BEGUN = Symbol('publicResponseCache.key');
const COUNTED = Symbol('publicResponseCache.counted');
const OFFERED = Symbol('publicResponseCache.offered');
/** The key of the flight this request computes, if it was let through to fill the cache. */
export const keyBegunBy = (req) => req?.[BEGUN];
/** A rate-limit verdict the cache already reached for this request (null: counted, within the limit). */
export const countedByCache = (req) => req?.[COUNTED];
export const markCounted = (req, verdict) => {
    req[COUNTED] = verdict;
};
/**
 * Whole answers to public queries, kept for RESPONSE_CACHE_MS as the bytes that were sent, so a repeat
 * is answered before Nest's pipeline, Apollo and graphql-js run (PublicResponseCacheMiddleware), and
 * filled by the GraphQL plugin from the answer the first request got. Concurrent misses of one key wait
 * for the first (one execution per key and TTL, not one per connection when an entry expires). Only
 * answers without errors are kept. With a real Redis, answers are shared between processes too (a
 * process that misses asks Redis before running the query), under the same expiry. With the availability cache this bounds how old a stock count can
 * be: RESPONSE_CACHE_MS + AVAILABILITY_CACHE_MS (500 + 500 ms by default).
 */
let PublicResponseCache = class PublicResponseCache {
    redis;
    ttlMs;
    entries = new Map();
    flights = new Map();
    documents = new Map();
    maxTokens;
    bytes = 0;
    constructor(config, redis) {
        this.redis = redis;
        this.ttlMs = config.get('RESPONSE_CACHE_MS');
        this.maxTokens = config.get('GRAPHQL_MAX_TOKENS');
    }
    get enabled() {
        return this.ttlMs > 0;
    }
    /** The key of a POSTed public query (document, operation, variables, and the Accept that picks the content type); else null. */
    keyOf(body, accept) {
        if (!body || typeof body.query !== 'string' || body.query.length > MAX_QUERY_LENGTH || body.extensions !== undefined)
            return null;
        const operationName = typeof body.operationName === 'string' ? body.operationName : null;
        if (body.operationName != null && operationName === null)
            return null;
        if (!this.isPublic(body.query, operationName))
            return null;
        try {
            return JSON.stringify([body.query, operationName, body.variables ?? {}, accept ?? '']);
        }
        catch {
            return null; // variables JSON.stringify cannot write (nested too deep): not cacheable, Apollo answers
        }
    }
    get(key) {
        const hit = this.entries.get(key);
        if (!hit)
            return undefined;
        if (hit.expires > Date.now())
            return hit;
        this.drop(key);
        return undefined;
    }
    /**
     * The answer being computed for this key by another request, if one is; null after FLIGHT_WAIT_MS
     * (the waiter then runs the query itself rather than wait on a slow one).
     */
    flight(key) {
        const flight = this.flights.get(key);
        if (!flight)
            return undefined;
        let timer;
        const timeout = new Promise((r) => (timer = setTimeout(() => r(null), FLIGHT_WAIT_MS)));
        return Promise.race([flight.promise, timeout]).finally(() => clearTimeout(timer));
    }
    /**
     * `req` computes the answer for `key`; requests arriving meanwhile wait for it. When its response has
     * been sent, the bytes sent are kept if the plugin offered the answer (no errors) and the status was
     * 200, with the content type sent: Apollo's own serialisation, not a second JSON.stringify of 20 kB.
     */
    begin(key, req, res) {
        let resolve;
        const promise = new Promise((r) => (resolve = r));
        this.flights.set(key, { owner: req, promise, resolve });
        req[BEGUN] = key;
        let sent;
        const send = res.send;
        if (send) {
            res.send = function (body) {
                if (typeof body === 'string')
                    sent = body;
                return send.call(this, body);
            };
        }
        res.once('finish', () => {
            const offered = req[OFFERED];
            const contentType = res.getHeader('content-type');
            this.settle(req, offered && sent !== undefined && res.statusCode === 200 && typeof contentType === 'string' ? { ...offered, body: sent, contentType } : null);
        });
        res.once('close', () => this.settle(req, null)); // after finish, or instead of it when the client went away
    }
    /** The answer of the request which began a flight has no errors: what it sends may be kept. */
    offer(req, answer) {
        req[OFFERED] = answer;
    }
    settle(req, answer) {
        const key = keyBegunBy(req);
        const flight = key === undefined ? undefined : this.flights.get(key);
        if (!key || !flight || flight.owner !== req)
            return;
        this.flights.delete(key);
        flight.resolve((answer && this.store(key, answer)) ?? null);
    }
    /**
     * The answer another process put in Redis for this key, kept here until the same expiry; undefined
     * without a real Redis, or when Redis has none or fails (the query then runs here).
     */
    async fromRedis(key) {
        if (this.redis.kind !== 'redis' || !this.redis.ready)
            return undefined;
        const stored = await this.redis.get(redisKey(key)).catch(() => null);
        const cut = stored?.indexOf('\n') ?? -1;
        if (!stored || cut < 0)
            return undefined;
        let head;
        try {
            head = JSON.parse(stored.slice(0, cut));
        }
        catch {
            return undefined;
        }
        if (!(head.expires > Date.now()) || typeof head.contentType !== 'string')
            return undefined;
        return this.store(key, { body: stored.slice(cut + 1), contentType: head.contentType, operationName: head.operationName }, head.expires) ?? undefined;
    }
    /** Ends the flight `req` began with an answer found elsewhere (Redis), for the requests waiting on it. */
    resolveWith(req, answer) {
        const key = keyBegunBy(req);
        const flight = key === undefined ? undefined : this.flights.get(key);
        if (!key || !flight || flight.owner !== req)
            return;
        this.flights.delete(key);
        flight.resolve(answer);
    }
    store(key, answer, expires) {
        const body = Buffer.from(answer.body);
        if (body.length > MAX_BYTES / 16)
            return null;
        const now = Date.now();
        if (expires === undefined) {
            expires = now + this.ttlMs;
            if (this.redis.kind === 'redis' && this.redis.ready) {
                const head = JSON.stringify({ expires, contentType: answer.contentType, operationName: answer.operationName });
                this.redis.set(redisKey(key), `${head}\n${answer.body}`, this.ttlMs).catch(() => undefined); // a cache: losing it costs one more run
            }
        }
        // One TTL for all: insertion order is expiry order, so the oldest entries are at the head.
        for (const [k, v] of this.entries) {
            if (v.expires > now && this.entries.size < MAX_ENTRIES && this.bytes + body.length <= MAX_BYTES)
                break;
            this.drop(k);
        }
        this.drop(key);
        const entry = { body, contentType: answer.contentType, operationName: answer.operationName, expires };
        this.entries.set(key, entry);
        this.bytes += body.length;
        return entry;
    }
    drop(key) {
        const e = this.entries.get(key);
        if (!e)
            return;
        this.entries.delete(key);
        this.bytes -= e.body.length;
    }
    /**
     * Whether a request would run a public operation: decided once per document text and kept as that
     * decision only (the names of its public operations, or of its sole operation), not as the parsed
     * document, so many distinct documents cost their text and a few bytes each.
     */
    isPublic(query, operationName) {
        let d = this.documents.get(query);
        if (d === undefined) {
            d = decide(query, this.maxTokens);
            if (this.documents.size >= MAX_DOCUMENTS)
                this.documents.clear();
            this.documents.set(query, d);
        }
        return operationName === null ? d.sole === true : d.publicNames.has(operationName);
    }
};
PublicResponseCache = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [AppConfig,
        RedisService])
], PublicResponseCache);
export { PublicResponseCache };
function decide(query, maxTokens) {
    let doc;
    try {
        doc = parse(query, { maxTokens, noLocation: true });
    }
    catch {
        return { sole: false, publicNames: new Set() };
    }
    const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    return {
        sole: ops.length === 1 && isPublicQuery(ops[0]),
        publicNames: new Set(ops.filter((o) => o.name && isPublicQuery(o)).map((o) => o.name.value)),
    };
}
//# sourceMappingURL=public-response-cache.js.map