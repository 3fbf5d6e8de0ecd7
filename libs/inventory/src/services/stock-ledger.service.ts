import { Injectable } from '@nestjs/common';
import { BusinessError, ErrorCode, TransactionHost } from '@app/common';
import { StockMovementType } from '../entities/stock-movement.entity.js';

export interface LevelRow {
  onHand: number;
  reserved: number;
}

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
  constructor(private readonly tx: TransactionHost) {}

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
      await this.record(locationId, variantId, delta, 0, meta);
      return level;
    });
  }

  private async record(locationId: string, variantId: string, onHandDelta: number, reservedDelta: number, meta: MovementMeta): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, reason, reference, staff_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [locationId, variantId, meta.type, onHandDelta, reservedDelta, meta.reason ?? null, meta.reference ?? null, meta.staffId ?? null],
    );
  }
}
