var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { BusinessError, ErrorCode, EventBus, TransactionHost } from '../../../common/src/index.js';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { AvailabilityCache, VARIANT_STOCK_CHANNEL } from './availability-cache.js';
export const stockChannel = (locationId, variantId) => `stock:${locationId}:${variantId}`;
/**
 * The only writer of stock levels. Every change is one guarded statement (no read-modify-write, so
 * concurrent changes cannot lose updates or take a level below its constraints) that also writes its
 * movement, in the caller's transaction.
 */
let StockLedger = class StockLedger {
    tx;
    events;
    availability;
    constructor(tx, events, availability) {
        this.tx = tx;
        this.events = events;
        this.availability = availability;
    }
    /**
     * Changes on-hand by `delta`. A receipt creates the level if needed; a decrease never takes on-hand
     * below what is reserved (INSUFFICIENT_STOCK otherwise, and nothing changes).
     */
    adjustOnHand(locationId, variantId, delta, meta) {
        return this.tx.run(async () => {
            const level = delta > 0
                ? await this.moved(`INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved) VALUES ($1, $2, $3, 0)
           ON CONFLICT (location_id, variant_id) DO UPDATE SET on_hand = sl.on_hand + EXCLUDED.on_hand, updated_at = now()`, [locationId, variantId, delta], delta, 0, meta)
                : await this.moved(`UPDATE stock_level SET on_hand = on_hand + $3, updated_at = now()
           WHERE location_id = $1 AND variant_id = $2 AND on_hand + $3 >= reserved`, [locationId, variantId, delta], delta, 0, meta);
            if (!level) {
                throw new BusinessError(ErrorCode.INSUFFICIENT_STOCK, `Cannot remove ${-delta}: fewer unreserved units on hand`, ['delta']);
            }
            return level;
        });
    }
    /**
     * Holds `quantity` for an order: one guarded UPDATE, so two checkouts can never both take the last unit.
     * Returns false (and changes nothing) when fewer are available.
     */
    async reserve(locationId, variantId, quantity, meta) {
        const level = await this.moved(`UPDATE stock_level SET reserved = reserved + $3, updated_at = now()
       WHERE location_id = $1 AND variant_id = $2 AND on_hand - reserved >= $3`, [locationId, variantId, quantity], 0, quantity, meta);
        return level !== undefined;
    }
    /** Gives held units back to the shelf (cancellation, expiry). */
    async release(locationId, variantId, quantity, meta) {
        await this.change(locationId, variantId, 0, -quantity, meta);
    }
    /** Held units leave the location (shipped, or handed to the customer): on hand and held both fall. */
    async consume(locationId, variantId, quantity, meta) {
        await this.change(locationId, variantId, -quantity, -quantity, meta);
    }
    /** Units sent for a customer arrive at the pickup store, held for them there. */
    async receiveHeld(locationId, variantId, quantity, meta) {
        await this.moved(`INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved) VALUES ($1, $2, $3, $3)
       ON CONFLICT (location_id, variant_id) DO UPDATE SET on_hand = sl.on_hand + $3, reserved = sl.reserved + $3, updated_at = now()`, [locationId, variantId, quantity], quantity, quantity, meta);
    }
    /** A change the order flow guarantees is possible; if the level disagrees, that is a bug, not a refusal. */
    async change(locationId, variantId, onHandDelta, reservedDelta, meta) {
        const level = await this.moved(`UPDATE stock_level SET on_hand = on_hand + $3, reserved = reserved + $4, updated_at = now()
       WHERE location_id = $1 AND variant_id = $2 AND reserved + $4 >= 0 AND on_hand + $3 >= reserved + $4`, [locationId, variantId, onHandDelta, reservedDelta], onHandDelta, reservedDelta, meta);
        if (!level)
            throw new Error(`stock level ${locationId}/${variantId} cannot take ${meta.type} (${onHandDelta}, ${reservedDelta})`);
    }
    /**
     * Runs `levelSql` (one guarded INSERT or UPDATE of the level of $1/$2) and writes its movement in the
     * same statement, only when the level changed: a round trip less per change than two statements (a
     * checkout holds each line this way). Undefined when the guard refused and nothing was written.
     */
    async moved(levelSql, params, onHandDelta, reservedDelta, meta) {
        const [locationId, variantId] = params;
        const n = params.length;
        const rows = await this.tx.manager.query(`WITH level AS (${levelSql} RETURNING on_hand, reserved),
       movement AS (INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, reason, reference, staff_id)
         SELECT $1, $2, $${n + 1}::varchar, $${n + 2}::int, $${n + 3}::int, $${n + 4}::varchar, $${n + 5}::varchar, $${n + 6}::uuid FROM level)
       SELECT on_hand AS "onHand", reserved FROM level`, [...params, meta.type, onHandDelta, reservedDelta, meta.reason ?? null, meta.reference ?? null, meta.staffId ?? null]);
        if (!rows.length)
            return undefined;
        this.record(locationId, variantId, rows[0]);
        return rows[0];
    }
    /**
     * Announces the new level once committed. PostgreSQL adds the change to the variant's totals
     * (variant_stock) at commit; the rows are locked here first, in variant order, so two commits touching
     * the same variants cannot wait on each other in a circle. The price: commits that change one
     * variant's stock (at any location) take turns on its totals row, for the commit's duration.
     */
    record(locationId, variantId, level) {
        this.tx.beforeCommit('variant-stock-locks', variantId, (ids) => 
        // One statement, rows in variant order: each is locked, or created at zero for a variant's first level
        // (so the trigger never inserts one out of order), then the trigger adds the deltas at commit.
        this.tx.manager.query(`INSERT INTO variant_stock AS vs (variant_id, on_hand, reserved) SELECT id, 0, 0 FROM unnest($1::uuid[]) AS id ORDER BY id
         ON CONFLICT (variant_id) DO UPDATE SET on_hand = vs.on_hand`, [[...new Set(ids)]]).then(() => undefined));
        this.events.publish(stockChannel(locationId, variantId), { locationId, variantId, onHand: level.onHand, reserved: level.reserved });
        this.events.publish(VARIANT_STOCK_CHANNEL, { variantId }); // other processes' caches
        this.tx.afterCommit(() => this.availability.forget(variantId)); // this one's, before the answer goes out
    }
};
StockLedger = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        EventBus,
        AvailabilityCache])
], StockLedger);
export { StockLedger };
//# sourceMappingURL=stock-ledger.service.js.map