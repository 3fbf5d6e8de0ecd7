import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { TransactionHost } from '../database/transaction-host.js';
import { ApiError } from '../errors/api-errors.js';
import { ErrorCode } from '../errors/error-codes.js';
import { errorMessage } from '../errors/error-message.js';
import { RedisService } from '../redis/redis.service.js';
import { eventChannel, type EventMap, type EventName } from './event-map.js';

const MAX_QUEUED = 1000;
const SUBSCRIBE_RETRY_MS = 2000;

/**
 * Domain events for live clients. Published after the transaction commits (never news of a change that
 * rolled back), through Redis pub/sub so every API process hears them, or in process without REDIS_URL.
 * Events are notices, not records: PostgreSQL stays the truth and listeners read it.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger(EventBus.name);
  /** This process's `on` handlers, by channel: told at commit, before the answer goes out (read your writes). */
  private readonly local = new Map<string, Set<(event: unknown) => void>>();

  constructor(
    private readonly redis: RedisService,
    private readonly tx: TransactionHost,
  ) {}

  /** Publishes `payload` once the current transaction commits (at once outside one); `key` for events heard per thing. */
  publish<N extends EventName>(name: N, payload: EventMap[N], key?: string): void {
    const channel = eventChannel(name, key);
    this.tx.afterCommit(() => {
      const message = JSON.stringify(payload); // what the other processes get, whatever a handler here does
      this.local.get(channel)?.forEach((handler) => this.call(channel, handler, payload));
      return this.redis.publish(`events:${channel}`, message);
    });
  }

  /**
   * Calls `handler` for each event of a channel (a cache listening for invalidations); returns the
   * unsubscribe. An event published by this process reaches it twice: at commit, and through Redis.
   * This process's events are heard from the start; the other processes' once the Redis subscription
   * is made (`onSubscribed`), which is retried every SUBSCRIBE_RETRY_MS while Redis cannot be reached.
   */
  async on<N extends EventName>(name: N, handler: (event: EventMap[N]) => void, onSubscribed?: () => void): Promise<() => Promise<void>> {
    const channel = eventChannel(name);
    let set = this.local.get(channel);
    if (!set) this.local.set(channel, (set = new Set()));
    const own = (event: unknown) => handler(event as EventMap[N]); // one per call: the same handler twice is two subscriptions
    set.add(own);
    let stopped = false;
    let unsubscribe: (() => Promise<void>) | undefined;
    let retry: NodeJS.Timeout | undefined;
    let warned = false;
    const attempt = async (): Promise<void> => {
      try {
        unsubscribe = await this.redis.subscribe(`events:${channel}`, (message) => {
          let event: unknown;
          try {
            event = JSON.parse(message);
          } catch {
            return this.logger.warn(`ignored a malformed event on ${channel}`);
          }
          this.call(channel, own, event);
        });
      } catch (err) {
        if (stopped) return;
        if (!warned)
          this.logger.warn(
            `events on ${channel} from other processes not heard (${errorMessage(err)}); retrying every ${SUBSCRIBE_RETRY_MS} ms`,
          );
        warned = true;
        retry = setTimeout(() => void attempt(), SUBSCRIBE_RETRY_MS).unref();
        return;
      }
      if (stopped) return void (await unsubscribe().catch(() => undefined));
      if (warned) this.logger.log(`events on ${channel} from other processes heard again`);
      onSubscribed?.();
    };
    await attempt();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      set.delete(own);
      await unsubscribe?.();
    };
  }

  private call(channel: string, handler: (event: unknown) => void, event: unknown): void {
    try {
      handler(event);
    } catch (err) {
      this.logger.warn(`event handler on ${channel} failed: ${errorMessage(err)}`);
    }
  }

  /**
   * The events of a channel as an async iterator (a GraphQL subscription's source), mapped by `map`
   * (null skips an event). Subscribed before it returns, so no event after that is missed; unsubscribed
   * when the client leaves (`return`). A slow client loses the oldest events past MAX_QUEUED.
   */
  async listen<N extends EventName, T>(
    name: N,
    key: string,
    map: (event: EventMap[N]) => Promise<T | null> | T | null,
  ): Promise<AsyncIterableIterator<T>> {
    const channel = eventChannel(name, key);
    const queue: EventMap[N][] = [];
    let wake: (() => void) | undefined;
    let done = false;
    let broken = false;
    let unsubscribe: () => Promise<void>;
    try {
      unsubscribe = await this.redis.subscribe(`events:${channel}`, (message) => {
        try {
          queue.push(JSON.parse(message) as EventMap[N]);
          if (queue.length > MAX_QUEUED) queue.shift();
          wake?.();
        } catch {
          this.logger.warn(`ignored a malformed event on ${channel}`);
        }
      });
    } catch {
      throw unavailable();
    }
    // If Redis drops, the subscriber is told (an error it can act on: resubscribe) rather than left waiting.
    const forget = this.redis.onSubscriptionsLost(() => {
      broken = true;
      wake?.();
    });
    const finish = async () => {
      if (done) return;
      done = true;
      forget();
      wake?.();
      await unsubscribe().catch(() => undefined);
    };
    const iterator: AsyncIterableIterator<T> = {
      async next(): Promise<IteratorResult<T>> {
        for (;;) {
          while (!queue.length && !done && !broken) await new Promise<void>((r) => (wake = r));
          if (broken && !done) {
            await finish();
            throw unavailable();
          }
          if (done) return { value: undefined, done: true };
          let mapped: T | null;
          try {
            mapped = await map(queue.shift()!);
          } catch (err) {
            await finish(); // graphql-ws drops a failed subscription without calling return()
            throw err;
          }
          if (mapped !== null) return { value: mapped, done: false };
        }
      },
      async return(): Promise<IteratorResult<T>> {
        await finish();
        return { value: undefined, done: true };
      },
      async throw(err?: unknown): Promise<IteratorResult<T>> {
        await finish();
        throw err;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}

const unavailable = () =>
  new ApiError(ErrorCode.SERVICE_UNAVAILABLE, 'Live updates are unavailable right now (Redis is unreachable); subscribe again shortly', {
    retryable: true,
  });

@Global()
@Module({ providers: [EventBus], exports: [EventBus] })
export class EventsModule {}
