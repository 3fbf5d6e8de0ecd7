import { Injectable } from '@nestjs/common';
import { type Caller, requireActsAt, StaffRole } from '@app/auth';
import { AuditAction, AuditLog } from '@app/audit';
import { CatalogueService } from '@app/catalogue';
import { badInput, BusinessError, ErrorCode, notFound, TransactionHost } from '@app/common';
import { LocationsService } from '@app/locations';
import type { SafetyStockDefaultInput, StockQuantityInput } from '../dto/stock-quantity.input.js';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { type LevelRow, type StateDeltas, StockLedger, stockKey } from '../services/stock-ledger.service.js';
import type { StockLevelView } from '../services/stock.service.js';

/** The state changes of the shop floor, each a movement of its own type (docs/adr/0031-store-stock-states.md). */
const MOVES = {
  UNSELLABLE: (q: number): StateDeltas => ({ unsellable: q }),
  SELLABLE: (q: number): StateDeltas => ({ unsellable: -q }),
  WRITE_OFF: (q: number): StateDeltas => ({ onHand: -q, unsellable: -q }),
} as const;
type Move = keyof typeof MOVES;

const REFUSED: Record<Move, (q: number) => string> = {
  UNSELLABLE: (q) => `Cannot mark ${q} unsellable: fewer units on hand that are neither held nor already unsellable`,
  SELLABLE: (q) => `Cannot put ${q} back on sale: fewer units are unsellable`,
  WRITE_OFF: (q) => `Cannot write off ${q}: fewer units are unsellable (mark them unsellable first)`,
};

/**
 * Staff of a location move its units between states: damaged or in inspection (unsellable), back on sale,
 * written off; and set what is kept for walk-in shoppers (safety stock). Each change is one guarded ledger
 * write, audited in its transaction; INSUFFICIENT_STOCK when there are not that many units to move.
 */
@Injectable()
export class StockStatesService {
  constructor(
    private readonly ledger: StockLedger,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
    private readonly audit: AuditLog,
    private readonly tx: TransactionHost,
  ) {}

  markUnsellable(caller: Caller, input: StockQuantityInput): Promise<StockLevelView> {
    return this.move(caller, input, 'UNSELLABLE');
  }

  markSellable(caller: Caller, input: StockQuantityInput): Promise<StockLevelView> {
    return this.move(caller, input, 'SELLABLE');
  }

  writeOff(caller: Caller, input: StockQuantityInput): Promise<StockLevelView> {
    return this.move(caller, input, 'WRITE_OFF');
  }

  /** The level's own safety stock (it no longer follows the location's default for its category). */
  async setSafetyStock(caller: Caller, input: StockQuantityInput): Promise<StockLevelView> {
    const staff = requireActsAt(caller, input.locationId);
    const { location, variant } = await this.resolve(input.locationId, input.sku);
    return this.tx.run(async () => {
      const before = await this.ledger.read(location.id, variant.id);
      const level = await this.ledger.setSafetyStock(location.id, variant.id, input.quantity, {
        type: StockMovementType.SAFETY_STOCK,
        reason: input.reason ?? null,
        staffId: staff.staffId,
      });
      await this.recordAudit(staff.staffId, location.id, variant, 'SAFETY_STOCK', before, level, input.reason);
      return { locationId: location.id, variantId: variant.id, sku: variant.sku, ...level };
    });
  }

  /**
   * A location's default safety stock for a category (managers and admins): every level there of a product in
   * it that has no safety stock of its own takes it now, and levels created later take it when they are.
   */
  async setSafetyDefault(caller: Caller, input: SafetyStockDefaultInput): Promise<number> {
    const staff = requireActsAt(caller, input.locationId, [StaffRole.MANAGER, StaffRole.ADMIN]);
    if (!(await this.locations.find(input.locationId))) throw notFound('Location');
    return this.tx.run(async () => {
      const changed = await this.ledger.applySafetyDefault(input.locationId, input.category, input.quantity, {
        type: StockMovementType.SAFETY_STOCK,
        reason: `default for ${input.category}`,
        staffId: staff.staffId,
      });
      await this.audit.record({
        action: AuditAction.SAFETY_STOCK_DEFAULT_SET,
        staffId: staff.staffId,
        subjectType: 'Location',
        subjectId: input.locationId,
        before: null,
        after: { category: input.category, quantity: input.quantity, levelsChanged: changed },
      });
      return changed;
    });
  }

  private async move(caller: Caller, input: StockQuantityInput, move: Move): Promise<StockLevelView> {
    const staff = requireActsAt(caller, input.locationId);
    if (input.quantity < 1) throw badInput('quantity must be at least 1', ['quantity']);
    const { location, variant } = await this.resolve(input.locationId, input.sku);
    return this.tx.run(async () => {
      const level = await this.ledger.change(location.id, variant.id, MOVES[move](input.quantity), {
        type: StockMovementType[move],
        reason: input.reason ?? null,
        staffId: staff.staffId,
      });
      if (!level) throw new BusinessError(ErrorCode.INSUFFICIENT_STOCK, REFUSED[move](input.quantity), ['quantity']);
      const d = MOVES[move](input.quantity);
      const before = { ...level, onHand: level.onHand - (d.onHand ?? 0), unsellable: level.unsellable - (d.unsellable ?? 0) };
      await this.recordAudit(staff.staffId, location.id, variant, move, before, level, input.reason);
      return { locationId: location.id, variantId: variant.id, sku: variant.sku, ...level };
    });
  }

  private async resolve(locationId: string, sku: string) {
    const [location, variant] = await Promise.all([this.locations.find(locationId), this.catalogue.findVariantBySku(sku)]);
    if (!location) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
    if (!variant) throw new BusinessError(ErrorCode.UNKNOWN_SKU, `No variant with SKU ${sku}`, ['sku']);
    return { location, variant };
  }

  private recordAudit(
    staffId: string,
    locationId: string,
    variant: { id: string; sku: string },
    change: Move | 'SAFETY_STOCK',
    before: Pick<LevelRow, 'onHand' | 'unsellable' | 'safetyStock'>,
    after: Pick<LevelRow, 'onHand' | 'unsellable' | 'safetyStock'>,
    reason: string | undefined,
  ): Promise<void> {
    const states = (l: typeof before) => ({ sku: variant.sku, onHand: l.onHand, unsellable: l.unsellable, safetyStock: l.safetyStock });
    return this.audit.record({
      action: AuditAction.STOCK_STATE_CHANGED,
      staffId,
      subjectType: 'StockLevel',
      subjectId: stockKey(locationId, variant.id),
      before: states(before),
      after: { ...states(after), change, reason: reason ?? null },
    });
  }
}
