import { Injectable } from '@nestjs/common';
import { BusinessError, ErrorCode, EventBus, TransactionHost } from '@app/common';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { AvailabilityCache } from './availability-cache.js';

export interface LevelRow {
  onHand: number;
  reserved: number;
}

/** Published on `stock:<locationId>:<variantId>` after each committed change. */
/** The key of a stock level's events (`stock`), as stockChanged subscribes to them. */
export const stockKey = (locationId: string, variantId: string) => `${locationId}:${variantId}`;

export interface MovementMeta {
  type: StockMovementType;
  reason?: string | null;
  reference?: string | null;
  staffId?: string | null;
}

/**
 * The only writer of stock levels. Every change is one guarded statement (no read-modify-write, so
 * concurrent changes cannot lose updates or take a level below its constraints) that also writes its
 * movement, in the caller's transaction.
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
    return this.tx.run(async () => {
      const level =
        delta > 0
          ? await this.moved(
              `INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved) VALUES ($1, $2, $3, 0)
           ON CONFLICT (location_id, variant_id) DO UPDATE SET on_hand = sl.on_hand + EXCLUDED.on_hand, updated_at = now()`,
              [locationId, variantId, delta],
              delta,
              0,
              meta,
            )
          : await this.moved(
              `UPDATE stock_level SET on_hand = on_hand + $3, updated_at = now()
           WHERE location_id = $1 AND variant_id = $2 AND on_hand + $3 >= reserved`,
              [locationId, variantId, delta],
              delta,
              0,
              meta,
            );
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
  async reserve(locationId: string, variantId: string, quantity: number, meta: MovementMeta): Promise<boolean> {
    const level = await this.moved(
      `UPDATE stock_level SET reserved = reserved + $3, updated_at = now()
       WHERE location_id = $1 AND variant_id = $2 AND on_hand - reserved >= $3`,
      [locationId, variantId, quantity],
      0,
      quantity,
      meta,
    );
    return level !== undefined;
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
    await this.moved(
      `INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved) VALUES ($1, $2, $3, $3)
       ON CONFLICT (location_id, variant_id) DO UPDATE SET on_hand = sl.on_hand + $3, reserved = sl.reserved + $3, updated_at = now()`,
      [locationId, variantId, quantity],
      quantity,
      quantity,
      meta,
    );
  }

  /** A change the order flow guarantees is possible; if the level disagrees, that is a bug, not a refusal. */
  private async change(
    locationId: string,
    variantId: string,
    onHandDelta: number,
    reservedDelta: number,
    meta: MovementMeta,
  ): Promise<void> {
    const level = await this.moved(
      `UPDATE stock_level SET on_hand = on_hand + $3, reserved = reserved + $4, updated_at = now()
       WHERE location_id = $1 AND variant_id = $2 AND reserved + $4 >= 0 AND on_hand + $3 >= reserved + $4`,
      [locationId, variantId, onHandDelta, reservedDelta],
      onHandDelta,
      reservedDelta,
      meta,
    );
    if (!level) throw new Error(`stock level ${locationId}/${variantId} cannot take ${meta.type} (${onHandDelta}, ${reservedDelta})`);
  }

  /**
   * Runs `levelSql` (one guarded INSERT or UPDATE of the level of $1/$2) and writes its movement in the
   * same statement, only when the level changed: a round trip less per change than two statements (a
   * checkout holds each line this way). Undefined when the guard refused and nothing was written.
   */
  private async moved(
    levelSql: string,
    params: unknown[],
    onHandDelta: number,
    reservedDelta: number,
    meta: MovementMeta,
  ): Promise<LevelRow | undefined> {
    const [locationId, variantId] = params as [string, string];
    const n = params.length;
    const rows: LevelRow[] = await this.tx.manager.query(
      `WITH level AS (${levelSql} RETURNING on_hand, reserved),
       movement AS (INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, reason, reference, staff_id)
         SELECT $1, $2, $${n + 1}::varchar, $${n + 2}::int, $${n + 3}::int, $${n + 4}::varchar, $${n + 5}::varchar, $${n + 6}::uuid
         FROM level)
       SELECT on_hand AS "onHand", reserved FROM level`,
      [...params, meta.type, onHandDelta, reservedDelta, meta.reason ?? null, meta.reference ?? null, meta.staffId ?? null],
    );
    if (!rows.length) return undefined;
    this.record(locationId, variantId, rows[0]);
    return rows[0];
  }

  /**
   * Announces the new level once committed. PostgreSQL adds the change to the variant's totals
   * (variant_stock) at commit; the rows are locked here first, in variant order, so two commits touching
   * the same variants cannot wait on each other in a circle. The price: commits that change one
   * variant's stock (at any location) take turns on its totals row, for the commit's duration.
   */
  private record(locationId: string, variantId: string, level: LevelRow): void {
    this.tx.beforeCommit('variant-stock-locks', variantId, (ids) =>
      // One statement, rows in variant order: each is locked, or created at zero for a variant's first level
      // (so the trigger never inserts one out of order), then the trigger adds the deltas at commit.
      this.tx.manager
        .query(
          `INSERT INTO variant_stock AS vs (variant_id, on_hand, reserved) SELECT id, 0, 0 FROM unnest($1::uuid[]) AS id ORDER BY id
         ON CONFLICT (variant_id) DO UPDATE SET on_hand = vs.on_hand`,
          [[...new Set(ids)]],
        )
        .then(() => undefined),
    );
    this.events.publish(
      'stock',
      { locationId, variantId, onHand: level.onHand, reserved: level.reserved },
      stockKey(locationId, variantId),
    );
    this.events.publish('stock-variant', { variantId }); // other processes' caches
    this.tx.afterCommit(() => this.availability.forget(variantId)); // this one's, before the answer goes out
  }
}
