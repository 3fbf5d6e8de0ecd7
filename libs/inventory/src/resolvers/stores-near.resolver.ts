import { Args, Float, GraphQLISODateTime, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { normaliseSku } from '@app/catalogue';
import { badInput, checkedGeoPoint, Clock, GeoPointInput, notFound, selects, StockDerived } from '@app/common';
import { toLocation } from '@app/locations';
import { StoreAvailability } from '../models/stock-level.model.js';
import { PickupPromiseService } from '../services/pickup-promise.service.js';
import { MAX_RADIUS_KM, StockQueryService } from '../services/stock-query.service.js';

@Resolver(() => StoreAvailability)
export class StoresNearResolver {
  constructor(
    private readonly query: StockQueryService,
    private readonly promise: PickupPromiseService,
    private readonly clock: Clock,
  ) {}

  @Query(() => [StoreAvailability], {
    description: 'Pickup stores within radiusKm of a point, nearest first, with their stock of one SKU and when it could be ready there.',
  })
  @StockDerived() // each store's level of the SKU, and the promise made from it
  async storesNear(
    // A plain type, not the class: the global ValidationPipe skips it and checkedGeoPoint applies its rules.
    @Args('near', { type: () => GeoPointInput }) near: { lat: number; lng: number },
    @Args('radiusKm', { type: () => Float }) radiusKm: number,
    @Args('sku', { type: () => String }) sku: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StoreAvailability[]> {
    if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM)
      throw badInput(`radiusKm must be more than 0 and at most ${MAX_RADIUS_KM}`, ['radiusKm']);
    const { lat, lng } = checkedGeoPoint(near, 'near');
    // The promise's sources are read only for an answer that shows it: without readyBy the statement is the one it was.
    const promised = selects(info, 'readyBy');
    const rows = await this.query.storesNear(lat, lng, radiusKm, normaliseSku(sku), promised);
    if (!rows) throw notFound(`Variant ${sku}`);
    const now = this.clock.now(); // one "now" for every store of the answer
    return rows.map((r) => ({
      location: toLocation(r.location),
      distanceKm: r.distanceKm,
      available: r.available,
      readyBy: promised ? this.promise.readyBy(r.location, r.available, r.source, now) : null,
    }));
  }

  @Query(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the size could be ready for pickup at this store if ordered now (as storesNear readyBy); null when no location has it, ' +
      'it is off sale, or the location takes no pickups.',
  })
  @StockDerived() // made from the levels of the SKU
  pickupPromise(
    @Args('sku', { type: () => String }) sku: string,
    @Args('locationId', { type: () => ID }) locationId: string,
  ): Promise<Date | null> {
    return this.promise.at(normaliseSku(sku), locationId);
  }
}
