import { Injectable } from '@nestjs/common';
import { BusinessError, ErrorCode, EventBus, TransactionHost } from '@app/common';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { AvailabilityCache, VARIANT_STOCK_CHANNEL } from './availability-cache.js';

export interface LevelRow {
  onHand: number;
  reserved: number;
}

/** Published on `stock:<locationId>:<variantId>` after each committed change. */
export interface StockChangedEvent {
  locationId: string;
  variantId: string;
  onHand: number;
  reserved: number;
}

export const stockChannel = (locationId: string, variantId: string) => `stock:${locationId}:${variantId}`;

export interface MovementMeta {
  type: StockMovementType;
  reason?: string | null;
  reference?: string | null;
  staffId?: string | null;
}

/**
 * The only writer of stock levels. Every change is one guarded statement (no read-modify-write, so
 * concurrent changes cannot lose updates or take a level below its constraints) plus its movement,
 * in the caller's transaction.
 */
@Injectable()
export class StockLedger {
  constructor(
    private readonly tx: TransactionHost,
    private readonly events: EventBus,
    private readonly availability: AvailabilityCache,
  ) {}

  /**
   * Changes on-hand by `delta`. A receipt creates the level if needed; a decrease never takes on-hand
   * below what is reserved (INSUFFICIENT_STOCK otherwise, and nothing changes).
   */
  adjustOnHand(locationId: string, variantId: string, delta: number, meta: MovementMeta): Promise<LevelRow> {
    return this.tx.run(async (em) => {
      const rows: LevelRow[] = delta > 0
        ? await em.query(
          `INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved) VALUES ($1, $2, $3, 0)
           ON CONFLICT (location_id, variant_id) DO UPDATE SET on_hand = sl.on_hand + EXCLUDED.on_hand, updated_at = now()
           RETURNING on_hand AS "onHand", reserved`, [locationId, variantId, delta])
        : await em.query(
          `UPDATE stock_level SET on_hand = on_hand + $3, updated_at = now()
           WHERE location_id = $1 AND variant_id = $2 AND on_hand + $3 >= reserved
           RETURNING on_hand AS "onHand", reserved`, [locationId, variantId, delta]).then(([r]) => r);
      const level = rows[0];
      if (!level) {
        throw new BusinessError(ErrorCode.INSUFFICIENT_STOCK, `Cannot remove ${-delta}: fewer unreserved units on hand`, ['delta']);
      }
      await this.record(locationId, variantId, delta, 0, meta, level);
      return level;
    });
  }

  /**
   * Holds `quantity` for an order: one guarded UPDATE, so two checkouts can never both take the last unit.
   * Returns false (and changes nothing) when fewer are available.
   */
  async reserve(locationId: string, variantId: string, quantity: number, meta: MovementMeta): Promise<boolean> {
    const [rows] = await this.tx.manager.query(
      `UPDATE stock_level SET reserved = reserved + $3, updated_at = now()
       WHERE location_id = $1 AND variant_id = $2 AND on_hand - reserved >= $3 RETURNING on_hand AS "onHand", reserved`, [locationId, variantId, quantity]);
    if (!rows.length) return false;
    await this.record(locationId, variantId, 0, quantity, meta, rows[0]);
    return true;
  }

  /** Gives held units back to the shelf (cancellation, expiry). */
  async release(locationId: string, variantId: string, quantity: number, meta: MovementMeta): Promise<void> {
    await this.change(locationId, variantId, 0, -quantity, meta);
  }

  /** Held units leave the location (shipped, or handed to the customer): on hand and held both fall. */
  async consume(locationId: string, variantId: string, quantity: number, meta: MovementMeta): Promise<void> {
    await this.change(locationId, variantId, -quantity, -quantity, meta);
  }

  /** Units sent for a customer arrive at the pickup store, held for them there. */
  async receiveHeld(locationId: string, variantId: string, quantity: number, meta: MovementMeta): Promise<void> {
    const [level] = await this.tx.manager.query(
      `INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved) VALUES ($1, $2, $3, $3)
       ON CONFLICT (location_id, variant_id) DO UPDATE SET on_hand = sl.on_hand + $3, reserved = sl.reserved + $3, updated_at = now()
       RETURNING on_hand AS "onHand", reserved`,
      [locationId, variantId, quantity]);
    await this.record(locationId, variantId, quantity, quantity, meta, level);
  }

  /** A change the order flow guarantees is possible; if the level disagrees, that is a bug, not a refusal. */
  private async change(locationId: string, variantId: string, onHandDelta: number, reservedDelta: number, meta: MovementMeta): Promise<void> {
    const [rows] = await this.tx.manager.query(
      `UPDATE stock_level SET on_hand = on_hand + $3, reserved = reserved + $4, updated_at = now()
       WHERE location_id = $1 AND variant_id = $2 AND reserved + $4 >= 0 AND on_hand + $3 >= reserved + $4 RETURNING on_hand AS "onHand", reserved`,
      [locationId, variantId, onHandDelta, reservedDelta]);
    if (!rows.length) throw new Error(`stock level ${locationId}/${variantId} cannot take ${meta.type} (${onHandDelta}, ${reservedDelta})`);
    await this.record(locationId, variantId, onHandDelta, reservedDelta, meta, rows[0]);
  }

  /**
   * Writes the movement and announces the new level once committed. PostgreSQL adds the change to the
   * variant's totals (variant_stock) at commit; the rows are locked here first, in variant order, so two
   * commits touching the same variants cannot wait on each other in a circle. The price: commits that
   * change one variant's stock (at any location) take turns on its totals row, for the commit's duration.
   */
  private async record(locationId: string, variantId: string, onHandDelta: number, reservedDelta: number, meta: MovementMeta, level: LevelRow): Promise<void> {
    this.tx.beforeCommit('variant-stock-locks', variantId, (ids) =>
      // One statement, rows in variant order: each is locked, or created at zero for a variant's first level
      // (so the trigger never inserts one out of order), then the trigger adds the deltas at commit.
      this.tx.manager.query(
        `INSERT INTO variant_stock AS vs (variant_id, on_hand, reserved) SELECT id, 0, 0 FROM unnest($1::uuid[]) AS id ORDER BY id
         ON CONFLICT (variant_id) DO UPDATE SET on_hand = vs.on_hand`, [[...new Set(ids)]]).then(() => undefined));
    this.events.publish(stockChannel(locationId, variantId), { locationId, variantId, onHand: level.onHand, reserved: level.reserved } satisfies StockChangedEvent);
    this.events.publish(VARIANT_STOCK_CHANNEL, { variantId }); // other processes' caches
    this.tx.afterCommit(() => this.availability.forget(variantId)); // this one's, before the answer goes out
    await this.tx.manager.query(
      `INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, reason, reference, staff_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [locationId, variantId, meta.type, onHandDelta, reservedDelta, meta.reason ?? null, meta.reference ?? null, meta.staffId ?? null],
    );
  }
}
