import { Args, Float, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { CatalogueService } from '@app/catalogue';
import { badInput, GeoPointInput, notFound } from '@app/common';
import { Location, LocationsService, toLocation } from '@app/locations';
import { StoreAvailability } from '../models/stock-level.model.js';
import { MAX_RADIUS_KM, StockQueryService } from '../services/stock-query.service.js';

type StoreAvailabilityRow = Omit<StoreAvailability, 'location'> & { locationId: string };

@Resolver(() => StoreAvailability)
export class StoresNearResolver {
  constructor(
    private readonly query: StockQueryService,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
  ) {}

  @Query(() => [StoreAvailability], { description: 'Pickup stores within radiusKm of a point, nearest first, with their stock of one SKU.' })
  async storesNear(
    @Args('near', { type: () => GeoPointInput }) near: GeoPointInput,
    @Args('radiusKm', { type: () => Float }) radiusKm: number,
    @Args('sku', { type: () => String }) sku: string,
  ): Promise<StoreAvailabilityRow[]> {
    if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM) throw badInput(`radiusKm must be more than 0 and at most ${MAX_RADIUS_KM}`, ['radiusKm']);
    const variant = await this.catalogue.findVariantBySku(sku);
    if (!variant) throw notFound(`Variant ${sku}`);
    return this.query.storesNear(near.lat, near.lng, radiusKm, variant.id);
  }

  @ResolveField(() => Location)
  async location(@Parent() row: StoreAvailabilityRow, @Ctx() ctx: RequestContext): Promise<Location> {
    const l = await this.locations.load(ctx, row.locationId);
    if (!l) throw notFound('Location');
    return toLocation(l);
  }
}
