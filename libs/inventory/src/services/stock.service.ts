import { Injectable } from '@nestjs/common';
import { type Caller, requireActsAt, requireStaff } from '@app/auth';
import { CatalogueService } from '@app/catalogue';
import { AuditAction, AuditLog } from '@app/audit';
import {
  badInput,
  BusinessError,
  decodeCursor,
  decodeTimeCursor,
  encodeCursor,
  ErrorCode,
  isUuid,
  notFound,
  pageSize,
  TransactionHost,
} from '@app/common';
import type { StockLevelFilter } from '../models/stock-levels.model.js';
import { LocationsService } from '@app/locations';
import { StockAdjustInput } from '../dto/stock-adjust.input.js';
import type { LevelStates } from '../models/stock-level.model.js';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { StockLedger, stockKey } from './stock-ledger.service.js';
import { type MovementPage, StockQueryService } from './stock-query.service.js';

export interface StockLevelView extends LevelStates {
  locationId: string;
  variantId: string;
  sku: string;
}

/** Stock use cases for staff: adjust a level at their location (audited), read any level, read the ledger of their location's. */
@Injectable()
export class StockService {
  constructor(
    private readonly ledger: StockLedger,
    private readonly query: StockQueryService,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
    private readonly audit: AuditLog,
    private readonly tx: TransactionHost,
  ) {}

  /**
   * Adds or removes units, with its movement and an audit entry in one transaction: a refused adjustment
   * (INSUFFICIENT_STOCK) leaves neither. The entry is `STOCK_ADJUSTED` on the `StockLevel`
   * `<locationId>:<variantId>` (the level's key, as its stock events; a SKU can be too long for a subject
   * id beside a location id), with the SKU and on hand before and after.
   */
  async adjust(caller: Caller, input: StockAdjustInput): Promise<StockLevelView> {
    const staff = requireActsAt(caller, input.locationId);
    if (input.delta === 0) throw badInput('delta must not be zero', ['delta']);
    const location = await this.locations.find(input.locationId);
    if (!location) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
    const variant = await this.catalogue.findVariantBySku(input.sku);
    if (!variant) throw new BusinessError(ErrorCode.UNKNOWN_SKU, `No variant with SKU ${input.sku}`, ['sku']);
    return this.tx.run(async () => {
      const reason = input.reason ?? null;
      const level = await this.ledger.adjustOnHand(location.id, variant.id, input.delta, {
        type: StockMovementType.ADJUSTMENT,
        reason,
        staffId: staff.staffId,
      });
      // One guarded statement moved on hand by exactly delta: what it was before follows.
      await this.audit.record({
        action: AuditAction.STOCK_ADJUSTED,
        staffId: staff.staffId,
        subjectType: 'StockLevel',
        subjectId: stockKey(location.id, variant.id),
        before: { sku: variant.sku, onHand: level.onHand - input.delta },
        after: { sku: variant.sku, onHand: level.onHand, delta: input.delta, reason },
      });
      return { locationId: location.id, variantId: variant.id, sku: variant.sku, ...level };
    });
  }

  /**
   * The ledger of one level, newest first: staff of that location and admins (FORBIDDEN for others), NOT_FOUND
   * for a location or SKU that does not exist, as `level`. A level never stocked has an empty ledger.
   */
  async movements(caller: Caller, locationId: string, sku: string, first: number, after: string | undefined): Promise<MovementPage> {
    const limit = pageSize(first);
    const key = after ? decodeTimeCursor(after, 'bigint') : null;
    if (!isUuid(locationId)) throw badInput('locationId must be a location id', ['locationId']);
    requireActsAt(caller, locationId);
    const [location, variant] = await Promise.all([this.locations.find(locationId), this.catalogue.findVariantBySku(sku)]);
    if (!location) throw notFound('Location');
    if (!variant) throw notFound(`Variant ${sku}`);
    return this.query.movements(location.id, variant.id, limit, key);
  }

  /** A location's levels by SKU with their states (staff of that location, or admins): the store manager's view. */
  async levels(
    caller: Caller,
    locationId: string,
    filter: StockLevelFilter,
    first: number,
    after: string | undefined,
  ): Promise<{ rows: { cursor: string; level: StockLevelView }[]; hasNextPage: boolean }> {
    const limit = pageSize(first);
    const afterSku = after ? String(decodeCursor(after, 1)[0]) : null;
    if (!isUuid(locationId)) throw badInput('locationId must be a location id', ['locationId']);
    requireActsAt(caller, locationId);
    if (!(await this.locations.find(locationId))) throw notFound('Location');
    const rows = await this.query.levelsAt(locationId, filter, limit, afterSku);
    return {
      hasNextPage: rows.length > limit,
      rows: rows.slice(0, limit).map((r) => ({ cursor: encodeCursor([r.sku]), level: { locationId, ...r } })),
    };
  }

  async level(caller: Caller, locationId: string, sku: string): Promise<StockLevelView> {
    requireStaff(caller);
    const [location, variant] = await Promise.all([this.locations.find(locationId), this.catalogue.findVariantBySku(sku)]);
    if (!location) throw notFound('Location');
    if (!variant) throw notFound(`Variant ${sku}`);
    return { locationId: location.id, variantId: variant.id, sku: variant.sku, ...(await this.query.level(location.id, variant.id)) };
  }
}
