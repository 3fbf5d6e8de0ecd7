var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var TransactionHost_1;
import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected
const MAX_ATTEMPTS = 4;
/**
 * One transaction per unit of work, found through AsyncLocalStorage so that every service called
 * inside `run` joins it without passing a manager around. Outside `run`, `manager` is the pool.
 */
let TransactionHost = TransactionHost_1 = class TransactionHost {
    dataSource;
    logger = new Logger(TransactionHost_1.name);
    store = new AsyncLocalStorage();
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** The current transaction's manager, or the pool's when none is open. */
    get manager() {
        return this.store.getStore()?.em ?? this.dataSource.manager;
    }
    get inTransaction() {
        return this.store.getStore() !== undefined;
    }
    /**
     * Runs `fn` once the current transaction has committed (never if it rolls back), or at once outside a
     * transaction. For news of a change (events, cache invalidation) that must not get ahead of the data.
     */
    afterCommit(fn) {
        const unit = this.store.getStore();
        if (unit)
            unit.afterCommit.push(fn);
        else
            this.runHook(fn);
    }
    /**
     * Collects `item` under `key` and, just before the current transaction commits, runs `run` once with
     * every item collected under that key (say, to lock rows in one order). Outside a transaction: nothing.
     */
    beforeCommit(key, item, run) {
        const unit = this.store.getStore();
        if (!unit)
            return;
        const batch = unit.beforeCommit.get(key);
        if (batch)
            batch.items.push(item);
        else
            unit.beforeCommit.set(key, { items: [item], run: run });
    }
    /** Runs `work` in a transaction (or joins the open one). Retries the whole unit on deadlock. */
    async run(work) {
        const open = this.store.getStore();
        if (open)
            return work(open.em);
        for (let attempt = 1;; attempt++) {
            try {
                const hooks = [];
                const result = await this.dataSource.transaction((em) => {
                    const unit = { em, afterCommit: hooks, beforeCommit: new Map() };
                    return this.store.run(unit, async () => {
                        const value = await work(em);
                        for (const { items, run } of unit.beforeCommit.values())
                            await run(items);
                        return value;
                    });
                });
                for (const fn of hooks)
                    this.runHook(fn);
                return result;
            }
            catch (err) {
                if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(pgCode(err) ?? ''))
                    throw err;
                await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
            }
        }
    }
    runHook(fn) {
        try {
            Promise.resolve(fn()).catch((err) => this.logger.warn(`after-commit hook failed: ${err.message}`));
        }
        catch (err) {
            this.logger.warn(`after-commit hook failed: ${err.message}`);
        }
    }
};
TransactionHost = TransactionHost_1 = __decorate([
    Injectable(),
    __param(0, InjectDataSource()),
    __metadata("design:paramtypes", [DataSource])
], TransactionHost);
export { TransactionHost };
/** The SQLSTATE of a PostgreSQL error, if it is one. */
export function pgCode(err) {
    const e = err;
    const code = e?.driverError?.code ?? e?.code;
    return typeof code === 'string' ? code : undefined;
}
/** The constraint a PostgreSQL error names, if any. */
export function pgConstraint(err) {
    const e = err;
    const c = e?.driverError?.constraint ?? e?.constraint;
    return typeof c === 'string' ? c : undefined;
}
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_CHECK_VIOLATION = '23514';
//# sourceMappingURL=transaction-host.js.map