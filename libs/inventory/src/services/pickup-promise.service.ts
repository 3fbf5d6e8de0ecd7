import { Injectable } from '@nestjs/common';
import { Clock, haversineKm, isUuid, notFound } from '@app/common';
import { AppConfig } from '@app/config';
import { LeadTimes, type LocationEntity, readyWithinHours } from '@app/locations';
import { type Holder, StockQueryService } from './stock-query.service.js';

type Store = Pick<LocationEntity, 'code' | 'lat' | 'lng' | 'preparationSeconds' | 'openingHours' | 'timeZone'>;

/**
 * The ready-by promise: when a size could be ready for pickup at a store if ordered now. From its own shelf
 * after its preparation time; else sent from the nearest location that has it, after the transfer lead time
 * sourcingOptions shows (LeadTimes: LEAD_TIME_BASE_HOURS, LEAD_TIME_HOURS_PER_100_KM, LEAD_TIMES) and the
 * preparation; either way handed over only while the store is open, in its time zone. Null when no location
 * has it. Time is the Clock's, so tests can move it.
 */
@Injectable()
export class PickupPromiseService {
  private readonly leadTimes: LeadTimes;

  constructor(
    private readonly query: StockQueryService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.leadTimes = new LeadTimes(config.get('LEAD_TIME_BASE_HOURS'), config.get('LEAD_TIME_HOURS_PER_100_KM'), config.get('LEAD_TIMES'));
  }

  /** The promise for a store that has `available` free and, without any, the nearest `source` that has some; `now` in epoch ms. */
  readyBy(store: Store, available: number, source: Holder | null, now = this.clock.now()): Date | null {
    const preparationMs = store.preparationSeconds * 1000;
    if (available > 0) return readyWithinHours(now, preparationMs, store.openingHours ?? [], store.timeZone);
    if (!source) return null;
    // The distance as sourcingOptions rounds it, so both answers give the same lead time.
    const distanceKm = Math.round(haversineKm(store.lat, store.lng, source.lat, source.lng) * 10) / 10;
    const leadMs = this.leadTimes.hours(source.code, store.code, distanceKm) * 3600e3;
    return readyWithinHours(now, leadMs + preparationMs, store.openingHours ?? [], store.timeZone);
  }

  /**
   * `pickupPromise(sku, locationId)`: NOT_FOUND for an unknown SKU or location; null for a location that does
   * not take pickups, a variant off sale, or a size no location has.
   */
  async at(sku: string, locationId: string): Promise<Date | null> {
    const found = isUuid(locationId) ? await this.query.stockAt(sku, locationId) : undefined;
    if (found === null) throw notFound(`Variant ${sku}`);
    if (!found?.location) throw notFound('Location');
    const { location, available, forSale, source } = found;
    if (!forSale || location.type !== 'STORE' || !location.pickupEnabled) return null;
    return this.readyBy(location, available, source);
  }
}
