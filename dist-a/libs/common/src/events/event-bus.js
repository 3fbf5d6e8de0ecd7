var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var EventBus_1;
import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { TransactionHost } from '../database/transaction-host.js';
import { ApiError } from '../errors/api-errors.js';
import { ErrorCode } from '../errors/error-codes.js';
import { RedisService } from '../redis/redis.service.js';
const MAX_QUEUED = 1000;
/**
 * Domain events for live clients. Published after the transaction commits (never news of a change that
 * rolled back), through Redis pub/sub so every API process hears them, or in process without REDIS_URL.
 * Events are notices, not records: PostgreSQL stays the truth and listeners read it.
 */
let EventBus = EventBus_1 = class EventBus {
    redis;
    tx;
    logger = new Logger(EventBus_1.name);
    constructor(redis, tx) {
        this.redis = redis;
        this.tx = tx;
    }
    publish(channel, payload) {
        this.tx.afterCommit(() => this.redis.publish(`events:${channel}`, JSON.stringify(payload)));
    }
    /** Calls `handler` for each event of a channel (a cache listening for invalidations); returns the unsubscribe. */
    on(channel, handler) {
        return this.redis.subscribe(`events:${channel}`, (message) => {
            try {
                handler(JSON.parse(message));
            }
            catch (err) {
                this.logger.warn(`event handler on ${channel} failed: ${err.message}`);
            }
        });
    }
    /**
     * The events of a channel as an async iterator (a GraphQL subscription's source), mapped by `map`
     * (null skips an event). Subscribed before it returns, so no event after that is missed; unsubscribed
     * when the client leaves (`return`). A slow client loses the oldest events past MAX_QUEUED.
     */
    async listen(channel, map) {
        const queue = [];
        let wake;
        let done = false;
        let broken = false;
        let unsubscribe;
        try {
            unsubscribe = await this.redis.subscribe(`events:${channel}`, (message) => {
                try {
                    queue.push(JSON.parse(message));
                    if (queue.length > MAX_QUEUED)
                        queue.shift();
                    wake?.();
                }
                catch {
                    this.logger.warn(`ignored a malformed event on ${channel}`);
                }
            });
        }
        catch {
            throw unavailable();
        }
        // If Redis drops, the subscriber is told (an error it can act on: resubscribe) rather than left waiting.
        const forget = this.redis.onSubscriptionsLost(() => {
            broken = true;
            wake?.();
        });
        const finish = async () => {
            if (done)
                return;
            done = true;
            forget();
            wake?.();
            await unsubscribe().catch(() => undefined);
        };
        const iterator = {
            async next() {
                for (;;) {
                    while (!queue.length && !done && !broken)
                        await new Promise((r) => (wake = r));
                    if (broken && !done) {
                        await finish();
                        throw unavailable();
                    }
                    if (done)
                        return { value: undefined, done: true };
                    let mapped;
                    try {
                        mapped = await map(queue.shift());
                    }
                    catch (err) {
                        await finish(); // graphql-ws drops a failed subscription without calling return()
                        throw err;
                    }
                    if (mapped !== null)
                        return { value: mapped, done: false };
                }
            },
            async return() {
                await finish();
                return { value: undefined, done: true };
            },
            async throw(err) {
                await finish();
                throw err;
            },
            [Symbol.asyncIterator]() {
                return iterator;
            },
        };
        return iterator;
    }
};
EventBus = EventBus_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [RedisService,
        TransactionHost])
], EventBus);
export { EventBus };
const unavailable = () => new ApiError(ErrorCode.SERVICE_UNAVAILABLE, 'Live updates are unavailable right now (Redis is unreachable); subscribe again shortly', { retryable: true });
let EventsModule = class EventsModule {
};
EventsModule = __decorate([
    Global(),
    Module({ providers: [EventBus], exports: [EventBus] })
], EventsModule);
export { EventsModule };
//# sourceMappingURL=event-bus.js.map