import { Args, Float, Query, Resolver } from '@nestjs/graphql';
import { normaliseSku } from '@app/catalogue';
import { badInput, checkedGeoPoint, GeoPointInput, notFound, StockDerived } from '@app/common';
import { toLocation } from '@app/locations';
import { StoreAvailability } from '../models/stock-level.model.js';
import { MAX_RADIUS_KM, StockQueryService } from '../services/stock-query.service.js';

@Resolver(() => StoreAvailability)
export class StoresNearResolver {
  constructor(private readonly query: StockQueryService) {}

  @Query(() => [StoreAvailability], {
    description: 'Pickup stores within radiusKm of a point, nearest first, with their stock of one SKU.',
  })
  @StockDerived() // each store's level of the SKU
  async storesNear(
    // A plain type, not the class: the global ValidationPipe skips it and checkedGeoPoint applies its rules.
    @Args('near', { type: () => GeoPointInput }) near: { lat: number; lng: number },
    @Args('radiusKm', { type: () => Float }) radiusKm: number,
    @Args('sku', { type: () => String }) sku: string,
  ): Promise<StoreAvailability[]> {
    if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM)
      throw badInput(`radiusKm must be more than 0 and at most ${MAX_RADIUS_KM}`, ['radiusKm']);
    const { lat, lng } = checkedGeoPoint(near, 'near');
    const rows = await this.query.storesNear(lat, lng, radiusKm, normaliseSku(sku));
    if (!rows) throw notFound(`Variant ${sku}`);
    return rows.map((r) => ({ location: toLocation(r.location), distanceKm: r.distanceKm, available: r.available }));
  }
}
