import { Injectable } from '@nestjs/common';
import { type Caller, requireActsAt, requireStaff } from '@app/auth';
import { CatalogueService } from '@app/catalogue';
import { badInput, BusinessError, ErrorCode, notFound } from '@app/common';
import { LocationsService } from '@app/locations';
import { StockAdjustInput } from '../dto/stock-adjust.input.js';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { StockLedger } from './stock-ledger.service.js';
import { StockQueryService } from './stock-query.service.js';

export interface StockLevelView {
  locationId: string;
  variantId: string;
  sku: string;
  onHand: number;
  reserved: number;
}

/** Stock use cases for staff: adjust a level at their location, read any level. */
@Injectable()
export class StockService {
  constructor(
    private readonly ledger: StockLedger,
    private readonly query: StockQueryService,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
  ) {}

  async adjust(caller: Caller, input: StockAdjustInput): Promise<StockLevelView> {
    const staff = requireActsAt(caller, input.locationId);
    if (input.delta === 0) throw badInput('delta must not be zero', ['delta']);
    const location = await this.locations.find(input.locationId);
    if (!location) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
    const variant = await this.catalogue.findVariantBySku(input.sku);
    if (!variant) throw new BusinessError(ErrorCode.UNKNOWN_SKU, `No variant with SKU ${input.sku}`, ['sku']);
    const level = await this.ledger.adjustOnHand(location.id, variant.id, input.delta, {
      type: StockMovementType.ADJUSTMENT,
      reason: input.reason ?? null,
      staffId: staff.staffId,
    });
    return { locationId: location.id, variantId: variant.id, sku: variant.sku, ...level };
  }

  async level(caller: Caller, locationId: string, sku: string): Promise<StockLevelView> {
    requireStaff(caller);
    const [location, variant] = await Promise.all([this.locations.find(locationId), this.catalogue.findVariantBySku(sku)]);
    if (!location) throw notFound('Location');
    if (!variant) throw notFound(`Variant ${sku}`);
    return { locationId: location.id, variantId: variant.id, sku: variant.sku, ...(await this.query.level(location.id, variant.id)) };
  }
}
