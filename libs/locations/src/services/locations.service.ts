import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditAction, AuditLog } from '@app/audit';
import { requireStaff, type Caller, StaffRole } from '@app/auth';
import {
  EventBus,
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
import { LocationUpdateInput } from '../dto/location-update.input.js';
import { LocationEntity } from '../entities/location.entity.js';
import { LocationTypeEnum } from '../models/location.model.js';
import { formatIsoDuration, parseIsoDuration } from './iso-duration.js';

const DEFAULT_PICKUP_HOLD_SECONDS = 48 * 3600;
const DEFAULT_PREPARATION_SECONDS = 2 * 3600;

/** Stores and warehouses: where stock lives and where customers collect. */
@Injectable()
export class LocationsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
  ) {}

  private get repo() {
    return this.tx.manager.getRepository(LocationEntity);
  }

  /** Admins: a new store or warehouse, audited as LOCATION_CREATED in the same transaction. */
  async create(caller: Caller, input: LocationCreateInput): Promise<LocationEntity> {
    const me = requireStaff(caller, [StaffRole.ADMIN]);
    const isStore = input.type === LocationTypeEnum.STORE;
    const pickupEnabled = input.pickupEnabled ?? isStore;
    if (pickupEnabled && !isStore)
      throw new BusinessError(ErrorCode.PICKUP_NOT_AVAILABLE, 'Only stores can offer pickup', ['pickupEnabled']);
    const hold = input.pickupHold === undefined || input.pickupHold === null ? DEFAULT_PICKUP_HOLD_SECONDS : holdSeconds(input.pickupHold);
    const preparation = input.preparationTime == null ? DEFAULT_PREPARATION_SECONDS : preparationSeconds(input.preparationTime);
    const timeZone = checkedTimeZone(input.timeZone ?? 'Europe/Paris');
    try {
      return await this.tx.run(async () => {
        const created = await this.repo.save(
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
            preparationSeconds: preparation,
            shipsOrders: input.shipsOrders ?? !isStore,
            fulfilmentCapacityPerDay: input.fulfilmentCapacityPerDay ?? null,
            timeZone,
            openingHours: input.openingHours?.map((o) => ({ day: o.day, opens: o.opens, closes: o.closes })) ?? [],
          }),
        );
        await this.audit.record({
          action: AuditAction.LOCATION_CREATED,
          staffId: me.staffId,
          subjectType: 'Location',
          subjectId: created.id,
          before: null,
          after: {
            code: created.code,
            name: created.name,
            type: created.type,
            pickupEnabled,
            pickupHold: formatIsoDuration(hold),
            preparationTime: formatIsoDuration(preparation),
            timeZone,
            shipsOrders: created.shipsOrders,
            fulfilmentCapacityPerDay: created.fulfilmentCapacityPerDay,
          },
        });
        return created;
      });
    } catch (err) {
      if (pgCode(err) === PG_UNIQUE_VIOLATION)
        throw new BusinessError(ErrorCode.DUPLICATE, `A location with code ${input.code.toUpperCase()} already exists`, ['code']);
      throw err;
    }
  }

  /**
   * Admins change a location; omitted fields stay as they are. The row is locked, the changed fields are
   * audited (LOCATION_UPDATED, before and after) in the same transaction, and `location-changed` tells
   * every process once it commits. A refusal (INVALID_DURATION, INVALID_TIME_ZONE, PICKUP_NOT_AVAILABLE)
   * changes nothing and writes no entry.
   */
  async update(caller: Caller, id: string, input: LocationUpdateInput): Promise<LocationEntity> {
    const me = requireStaff(caller, [StaffRole.ADMIN]);
    return this.tx.run(async () => {
      const found = isUuid(id)
        ? await this.repo.createQueryBuilder('l').where('l.id = :id', { id }).setLock('pessimistic_write').getOne()
        : null;
      if (!found) throw notFound('Location');
      const next: Partial<LocationEntity> = {};
      if (input.name != null) next.name = input.name.trim();
      if (input.address !== undefined) {
        next.addressLine1 = input.address?.line1 ?? null;
        next.addressCity = input.address?.city ?? null;
        next.addressPostalCode = input.address?.postalCode ?? null;
        next.addressCountry = input.address?.country ?? null;
      }
      if (input.geo != null) Object.assign(next, { lat: input.geo.lat, lng: input.geo.lng });
      if (input.pickupEnabled != null) {
        if (input.pickupEnabled && found.type !== 'STORE')
          throw new BusinessError(ErrorCode.PICKUP_NOT_AVAILABLE, 'Only stores can offer pickup', ['pickupEnabled']);
        next.pickupEnabled = input.pickupEnabled;
      }
      if (input.pickupHold != null) next.pickupHoldSeconds = holdSeconds(input.pickupHold);
      if (input.preparationTime != null) next.preparationSeconds = preparationSeconds(input.preparationTime);
      if (input.shipsOrders != null) next.shipsOrders = input.shipsOrders;
      if (input.fulfilmentCapacityPerDay !== undefined) next.fulfilmentCapacityPerDay = input.fulfilmentCapacityPerDay;
      if (input.timeZone != null) next.timeZone = checkedTimeZone(input.timeZone);
      if (input.openingHours != null) next.openingHours = input.openingHours.map((o) => ({ day: o.day, opens: o.opens, closes: o.closes }));
      const changed = (Object.keys(next) as (keyof LocationEntity)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(found[k]));
      if (!changed.length) return found;
      await this.repo.update({ id }, Object.fromEntries(changed.map((k) => [k, next[k]])));
      await this.audit.record({
        action: AuditAction.LOCATION_UPDATED,
        staffId: me.staffId,
        subjectType: 'Location',
        subjectId: id,
        before: Object.fromEntries(changed.map((k) => [k, audited(k, found[k])])),
        after: Object.fromEntries(changed.map((k) => [k, audited(k, next[k])])),
      });
      this.events.publish('location-changed', { locationId: id });
      return (await this.repo.findOneBy({ id }))!;
    });
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

/** The hold in seconds, or INVALID_DURATION. */
const holdSeconds = (text: string): number => durationSeconds(text, 'pickupHold', 'PT48H');
/** The preparation time in seconds, or INVALID_DURATION. */
const preparationSeconds = (text: string): number => durationSeconds(text, 'preparationTime', 'PT2H');

function durationSeconds(text: string, field: string, example: string): number {
  const seconds = parseIsoDuration(text);
  if (seconds === null)
    throw new BusinessError(
      ErrorCode.INVALID_DURATION,
      `${field} must be an ISO-8601 duration of days, hours, minutes or seconds, up to a year (e.g. ${example})`,
      [field],
    );
  return seconds;
}

function checkedTimeZone(tz: string): string {
  if (!isTimeZone(tz)) throw new BusinessError(ErrorCode.INVALID_TIME_ZONE, `Unknown time zone ${tz}`, ['timeZone']);
  return tz;
}

/** How the audit log shows a field: the hold as the ISO duration admins typed, the rest as stored. */
const audited = (key: keyof LocationEntity, value: unknown): unknown =>
  (key === 'pickupHoldSeconds' || key === 'preparationSeconds') && typeof value === 'number' ? formatIsoDuration(value) : value;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
