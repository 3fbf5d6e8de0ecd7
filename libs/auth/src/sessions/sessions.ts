import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus, InvalidatingCache, invalidateOnEvents, RedisService } from '@app/common';
import { AppConfig } from '@app/config';
import { type AccountKind, type AccountState, type AccountStore, type SessionChanged } from './account-store.js';

const MAX_KEPT = 100_000;

/**
 * The current state of signed-in accounts, checked on every request. Kept in memory so the check costs
 * no round trip, in an InvalidatingCache (ADR 0027): a change (sign-out, password, deactivation, role or
 * store) publishes `session.changed` after commit and every process drops its copy; SESSION_CACHE_MS
 * bounds a lost event; while events are not heard (Redis down, or not yet subscribed), nothing is kept and
 * every request reads the database. A read that started before a change, or before events were heard
 * again, is used once but not kept, so a race never stores the old state.
 */
@Injectable()
export class Sessions implements OnModuleInit {
  private readonly stores = new Map<AccountKind, AccountStore>();
  private readonly kept: InvalidatingCache<AccountState | null>;
  private readonly reads = new Map<string, Promise<AccountState | null>>();
  private readonly listeners = new Set<(change: SessionChanged) => void>();

  constructor(
    private readonly events: EventBus,
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.kept = new InvalidatingCache({ ttlMs: config.get('SESSION_CACHE_MS'), maxEntries: MAX_KEPT, degradedTtlMs: 0, heard: false });
  }

  async onModuleInit(): Promise<void> {
    await invalidateOnEvents(this.kept, this.events, this.redis, { 'session.changed': keyOf });
    // Reads begun before a change (or before events were lost) are not handed to callers after it.
    this.redis.onSubscriptionsLost(() => this.reads.clear());
    await this.events.on('session.changed', (change) => {
      this.kept.invalidate(keyOf(change)); // again here, so the listeners never see the old state whatever the handlers' order
      this.reads.delete(keyOf(change));
      for (const listener of this.listeners) listener(change); // open WebSockets of the account are checked again
    });
  }

  register(kind: AccountKind, store: AccountStore): void {
    this.stores.set(kind, store);
  }

  store(kind: AccountKind): AccountStore {
    const store = this.stores.get(kind);
    if (!store) throw new Error(`no account store registered for ${kind}`);
    return store;
  }

  /** The account's state now; null for an account that does not exist. */
  current(kind: AccountKind, id: string): Promise<AccountState | null> {
    const key = keyOf({ kind, id });
    const hit = this.kept.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    let read = this.reads.get(key);
    if (!read) {
      const version = this.kept.version();
      read = this.store(kind)
        .state(id)
        .then((state) => {
          this.kept.set(key, state, version); // not kept if the account changed meanwhile
          return state;
        })
        .finally(() => {
          if (this.reads.get(key) === read) this.reads.delete(key);
        });
      this.reads.set(key, read);
    }
    return read;
  }

  /** Call inside the transaction that changed the account: every process forgets it once that commits. */
  changed(kind: AccountKind, id: string): void {
    this.events.publish('session.changed', { kind, id });
  }

  /** Told after an account's state was dropped (open WebSockets of that account are checked again). */
  onChange(listener: (change: SessionChanged) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const keyOf = (change: SessionChanged): string => `${change.kind}:${change.id}`;
