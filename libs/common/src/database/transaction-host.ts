import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { errorMessage } from '../errors/error-message.js';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected
const MAX_ATTEMPTS = 4;

interface Unit {
  em: EntityManager;
  afterCommit: (() => unknown)[];
  beforeCommit: Map<string, { items: unknown[]; run: (items: unknown[]) => Promise<void> }>;
}

/**
 * One transaction per unit of work, found through AsyncLocalStorage so that every service called
 * inside `run` joins it without passing a manager around. Outside `run`, `manager` is the pool.
 */
@Injectable()
export class TransactionHost {
  private readonly logger = new Logger(TransactionHost.name);
  private readonly store = new AsyncLocalStorage<Unit>();

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** The current transaction's manager, or the pool's when none is open. */
  get manager(): EntityManager {
    return this.store.getStore()?.em ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.store.getStore() !== undefined;
  }

  /**
   * Runs `fn` once the current transaction has committed (never if it rolls back), or at once outside a
   * transaction. For news of a change (events, cache invalidation) that must not get ahead of the data.
   */
  afterCommit(fn: () => unknown): void {
    const unit = this.store.getStore();
    if (unit) unit.afterCommit.push(fn);
    else this.runHook(fn);
  }

  /**
   * Collects `item` under `key` and, just before the current transaction commits, runs `run` once with
   * every item collected under that key (say, to lock rows in one order). Outside a transaction: nothing.
   */
  beforeCommit<T>(key: string, item: T, run: (items: T[]) => Promise<void>): void {
    const unit = this.store.getStore();
    if (!unit) return;
    const batch = unit.beforeCommit.get(key);
    if (batch) batch.items.push(item);
    else unit.beforeCommit.set(key, { items: [item], run: run as (items: unknown[]) => Promise<void> });
  }

  /** Runs `work` in a transaction (or joins the open one). Retries the whole unit on deadlock. */
  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = this.store.getStore();
    if (open) return work(open.em);
    for (let attempt = 1; ; attempt++) {
      try {
        const hooks: (() => unknown)[] = [];
        const result = await this.dataSource.transaction((em) => {
          const unit: Unit = { em, afterCommit: hooks, beforeCommit: new Map() };
          return this.store.run(unit, async () => {
            const value = await work(em);
            for (const { items, run } of unit.beforeCommit.values()) await run(items);
            return value;
          });
        });
        for (const fn of hooks) this.runHook(fn);
        return result;
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(pgCode(err) ?? '')) throw err;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
      }
    }
  }

  private runHook(fn: () => unknown): void {
    try {
      Promise.resolve(fn()).catch((err: unknown) => this.logger.warn(`after-commit hook failed: ${errorMessage(err)}`));
    } catch (err) {
      this.logger.warn(`after-commit hook failed: ${errorMessage(err)}`);
    }
  }
}

/** The SQLSTATE of a PostgreSQL error, if it is one. */
export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a PostgreSQL error names, if any. */
export function pgConstraint(err: unknown): string | undefined {
  const e = err as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const c = e?.driverError?.constraint ?? e?.constraint;
  return typeof c === 'string' ? c : undefined;
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_CHECK_VIOLATION = '23514';
