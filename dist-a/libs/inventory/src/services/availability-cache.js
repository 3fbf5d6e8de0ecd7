var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var AvailabilityCache_1;
import { Injectable, Logger } from '@nestjs/common';
import { EventBus } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
export const VARIANT_STOCK_CHANNEL = 'stock-variant';
const MAX_ENTRIES = 100_000;
/**
 * `availableOnline` per variant, kept in this process for at most AVAILABILITY_CACHE_MS (1 s by default)
 * and dropped as soon as any process commits a change to that variant's stock (an event on Redis). So a
 * catalogue page reads the sum over every location once a second per variant at most, and no client sees
 * a count older than the bound, even when an event is lost. In process rather than in Redis: a Redis round
 * trip costs about what the indexed SQL does.
 */
let AvailabilityCache = AvailabilityCache_1 = class AvailabilityCache {
    events;
    logger = new Logger(AvailabilityCache_1.name);
    entries = new Map();
    ttlMs;
    stop;
    constructor(events, config) {
        this.events = events;
        this.ttlMs = config.get('AVAILABILITY_CACHE_MS');
    }
    async onModuleInit() {
        if (!this.ttlMs)
            return;
        try {
            this.stop = await this.events.on(VARIANT_STOCK_CHANNEL, (e) => this.forget(e.variantId));
        }
        catch (err) {
            this.logger.warn(`stock events unavailable (${err.message}): cached availability relies on its ${this.ttlMs} ms bound`);
        }
    }
    async onModuleDestroy() {
        await this.stop?.();
    }
    versions = new Map();
    nextSweep = 0;
    forget(variantId) {
        this.entries.delete(variantId);
        this.versions.set(variantId, (this.versions.get(variantId) ?? 0) + 1);
        if (this.versions.size > MAX_ENTRIES)
            this.versions.clear(); // a reader in flight then just skips storing
    }
    /** Taken before reading the database; `set` with it stores nothing if a change was forgotten meanwhile. */
    version(variantId) {
        return this.versions.get(variantId) ?? 0;
    }
    get(variantId) {
        const hit = this.entries.get(variantId);
        if (!hit)
            return undefined;
        if (hit.expires > Date.now())
            return hit.value;
        this.entries.delete(variantId);
        return undefined;
    }
    set(variantId, value, readAtVersion) {
        if (!this.ttlMs || this.version(variantId) !== readAtVersion)
            return;
        const now = Date.now();
        if (now >= this.nextSweep || this.entries.size >= MAX_ENTRIES)
            this.sweep(now);
        this.entries.delete(variantId); // re-inserted at the tail with its new expiry
        this.entries.set(variantId, { value, expires: now + this.ttlMs });
    }
    /**
     * Drops expired entries, at most once per TTL: a Map keeps deleted slots until it rehashes, and
     * iteration walks them, so sweeping the head on every set (100 per catalogue page) cost about 12 µs
     * each at bench rates. One TTL for all: insertion order is expiry order, so expired entries are at the head.
     */
    sweep(now) {
        this.nextSweep = now + this.ttlMs;
        for (const [k, v] of this.entries) {
            if (v.expires > now && this.entries.size < MAX_ENTRIES)
                break;
            this.entries.delete(k);
        }
    }
};
AvailabilityCache = AvailabilityCache_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [EventBus,
        AppConfig])
], AvailabilityCache);
export { AvailabilityCache };
//# sourceMappingURL=availability-cache.js.map