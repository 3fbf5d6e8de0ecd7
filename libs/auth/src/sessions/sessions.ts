import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock, EventBus, RedisService } from '@app/common';
import { AppConfig } from '@app/config';
import { type AccountKind, type AccountState, type AccountStore, type SessionChanged } from './account-store.js';

const MAX_KEPT = 100_000;

/**
 * The current state of signed-in accounts, checked on every request. Kept in memory so the check costs
 * no round trip; a change (sign-out, password, deactivation, role or store) publishes `session.changed`
 * after commit and every process drops its copy. SESSION_CACHE_MS bounds a lost event; while events are
 * not heard (Redis down), nothing is kept and every request reads the database. A read that started
 * before a change is heard is used once but not kept, so a race never stores the old state.
 */
@Injectable()
export class Sessions implements OnModuleInit {
  private readonly stores = new Map<AccountKind, AccountStore>();
  private readonly kept = new Map<string, { state: AccountState | null; until: number }>();
  private readonly reads = new Map<string, Promise<AccountState | null>>();
  private readonly listeners = new Set<(change: SessionChanged) => void>();
  private readonly ttlMs: number;
  private changes = 0;
  private heard = false;

  constructor(
    private readonly events: EventBus,
    private readonly redis: RedisService,
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.ttlMs = config.get('SESSION_CACHE_MS');
  }

  async onModuleInit(): Promise<void> {
    this.redis.onSubscriptionsLost(() => {
      this.heard = false;
      this.forgetAll();
    });
    this.redis.onSubscriptionsRestored(() => (this.heard = true));
    await this.events.on(
      'session.changed',
      (change) => this.forget(change),
      () => (this.heard = true),
    );
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
    const key = `${kind}:${id}`;
    const hit = this.kept.get(key);
    if (hit && hit.until > this.clock.now()) return Promise.resolve(hit.state);
    let read = this.reads.get(key);
    if (!read) {
      const changesBefore = this.changes;
      read = this.store(kind)
        .state(id)
        .then((state) => {
          if (this.heard && this.ttlMs > 0 && this.changes === changesBefore) {
            if (this.kept.size >= MAX_KEPT) this.kept.clear();
            this.kept.set(key, { state, until: this.clock.now() + this.ttlMs });
          }
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

  private forget(change: SessionChanged): void {
    this.changes++;
    this.kept.delete(`${change.kind}:${change.id}`);
    this.reads.delete(`${change.kind}:${change.id}`);
    for (const listener of this.listeners) listener(change);
  }

  private forgetAll(): void {
    this.changes++;
    this.kept.clear();
    this.reads.clear();
  }
}
