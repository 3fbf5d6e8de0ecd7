import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CatalogueService } from '@app/catalogue';
import { EventBus, notFound } from '@app/common';
import { LocationsService } from '@app/locations';
import { StockLevel, toStockLevel } from '../models/stock-level.model.js';
import { stockKey } from '../services/stock-ledger.service.js';

@Resolver(() => StockLevel)
export class StockChangedResolver {
  constructor(
    private readonly events: EventBus,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
  ) {}

  /** Public, like the stock counts storesNear shows: a store page or the app watching one size. */
  @Subscription(() => StockLevel, {
    description: "Every committed change of one SKU's stock at one location, on any API process.",
    resolve: (level: StockLevel) => level,
  })
  async stockChanged(@Args('locationId', { type: () => ID }) locationId: string, @Args('sku', { type: () => String }) sku: string) {
    const [variant, location] = await Promise.all([this.catalogue.findVariantBySku(sku), this.locations.find(locationId)]);
    if (!variant) throw notFound(`Variant ${sku}`);
    if (!location) throw notFound('Location');
    return this.events.listen('stock', stockKey(location.id, variant.id), (e): StockLevel => toStockLevel({ ...e, sku: variant.sku }));
  }
}
