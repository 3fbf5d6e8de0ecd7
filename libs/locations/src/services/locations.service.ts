import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  BusinessError,
  byKeys,
  ErrorCode,
  type HasLoaders,
  isUuid,
  loader,
  notFound,
  pgCode,
  PG_UNIQUE_VIOLATION,
  TransactionHost,
} from '@app/common';
import { LocationCreateInput } from '../dto/location-create.input.js';
import { LocationEntity } from '../entities/location.entity.js';
import { LocationTypeEnum } from '../models/location.model.js';
import { parseIsoDuration } from './iso-duration.js';

const DEFAULT_PICKUP_HOLD_SECONDS = 48 * 3600;

/** Stores and warehouses: where stock lives and where customers collect. */
@Injectable()
export class LocationsService {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.manager.getRepository(LocationEntity);
  }

  async create(input: LocationCreateInput): Promise<LocationEntity> {
    const isStore = input.type === LocationTypeEnum.STORE;
    const pickupEnabled = input.pickupEnabled ?? isStore;
    if (pickupEnabled && !isStore)
      throw new BusinessError(ErrorCode.PICKUP_NOT_AVAILABLE, 'Only stores can offer pickup', ['pickupEnabled']);
    const hold =
      input.pickupHold === undefined || input.pickupHold === null ? DEFAULT_PICKUP_HOLD_SECONDS : parseIsoDuration(input.pickupHold);
    if (hold === null)
      throw new BusinessError(
        ErrorCode.INVALID_DURATION,
        'pickupHold must be an ISO-8601 duration of days, hours, minutes or seconds, up to a year (e.g. PT48H)',
        ['pickupHold'],
      );
    const timeZone = input.timeZone ?? 'Europe/Paris';
    if (!isTimeZone(timeZone)) throw new BusinessError(ErrorCode.INVALID_TIME_ZONE, `Unknown time zone ${timeZone}`, ['timeZone']);
    try {
      return await this.repo.save(
        this.repo.create({
          code: input.code.toUpperCase(),
          name: input.name.trim(),
          type: input.type,
          lat: input.geo.lat,
          lng: input.geo.lng,
          addressLine1: input.address?.line1 ?? null,
          addressCity: input.address?.city ?? null,
          addressPostalCode: input.address?.postalCode ?? null,
          addressCountry: input.address?.country ?? null,
          pickupEnabled,
          pickupHoldSeconds: hold,
          timeZone,
          openingHours: input.openingHours?.map((o) => ({ day: o.day, opens: o.opens, closes: o.closes })) ?? [],
        }),
      );
    } catch (err) {
      if (pgCode(err) === PG_UNIQUE_VIOLATION)
        throw new BusinessError(ErrorCode.DUPLICATE, `A location with code ${input.code.toUpperCase()} already exists`, ['code']);
      throw err;
    }
  }

  async get(id: string): Promise<LocationEntity> {
    const found = isUuid(id) ? await this.repo.findOneBy({ id }) : null;
    if (!found) throw notFound('Location');
    return found;
  }

  find(id: string): Promise<LocationEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  list(type?: 'STORE' | 'WAREHOUSE'): Promise<LocationEntity[]> {
    return this.repo.find({ where: type ? { type } : {}, order: { name: 'ASC' } });
  }

  /** Batched by request: one query for every location a response mentions. */
  load(ctx: HasLoaders, id: string): Promise<LocationEntity | null> {
    return loader<string, LocationEntity>(ctx, 'location', async (ids) =>
      byKeys(ids, await this.repo.findBy({ id: In(ids.filter(isUuid)) }), (l) => l.id),
    ).load(id);
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
