import { Injectable } from '@nestjs/common';
import { variantSql } from '@app/catalogue';
import { type LocationEntity, locationColumns, locationSql } from '@app/locations';
import type { LevelStates } from '../models/stock-level.model.js';
import { AvailabilityCache } from './availability-cache.js';
import {
  boundingBox,
  byKeys,
  distanceSql,
  encodeTimeCursor,
  epochMicrosSql,
  fromEpochMicrosSql,
  type HasLoaders,
  loader,
  type TimeKey,
  TransactionHost,
} from '@app/common';

export interface StoreStock {
  location: LocationEntity;
  distanceKm: number;
  available: number;
  /** Without the size free there: the nearest other location that has it, if any. */
  source: Holder | null;
}

/** A location with some of a variant free, and where it is. */
export interface Holder {
  code: string;
  lat: number;
  lng: number;
}

interface HolderColumns {
  sourceCode: string | null;
  sourceLat: number | null;
  sourceLng: number | null;
}

const holder = (code: string | null, lat: number | null, lng: number | null): Holder | null =>
  code === null ? null : { code, lat: Number(lat), lng: Number(lng) };

/**
 * `holders`: every location (any type) with some of the variant with SKU `skuParam` free, and where it is. Materialised, so a
 * statement reads the variant's levels once however many stores ask; a CTE nobody scans is never run.
 */
const holdersCte = (skuParam: string): string => {
  const variant = variantSql.bySku('hv', skuParam);
  return `holders AS MATERIALIZED (
         SELECT ${locationSql.placeColumns('hl')} FROM ${variant.from}
         JOIN stock_level hs ON hs.variant_id = hv.id AND hs.available > 0
         ${locationSql.join('hl', 'hs.location_id')}
         WHERE ${variant.where}
       )`;
};

/** The nearest holder to the store row `store` when that store has none free (`store.available = 0`), as `alias`. */
const nearestHolderJoin = (alias: string, store: string): string => `LEFT JOIN LATERAL (
         SELECT h.code, h.lat, h.lng FROM holders h
         WHERE ${store}.available = 0
         ORDER BY ${distanceSql('h', `${store}.lat`, `${store}.lng`)}, h.code LIMIT 1
       ) ${alias} ON true`;

const nearestHolderColumns = (alias: string): string =>
  `${alias}.code AS "sourceCode", ${alias}.lat AS "sourceLat", ${alias}.lng AS "sourceLng"`;

export const MAX_RADIUS_KM = 1000;

/** Read side of stock: levels, availability online and in stores near a point. */
@Injectable()
export class StockQueryService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly cache: AvailabilityCache,
  ) {}

  async level(locationId: string, variantId: string): Promise<LevelStates> {
    const [row] = await this.tx.manager.query<LevelStates[]>(
      `SELECT on_hand AS "onHand", reserved, unsellable, safety_stock AS "safetyStock", incoming
       FROM stock_level WHERE location_id = $1 AND variant_id = $2`,
      [locationId, variantId],
    );
    return row ?? { onHand: 0, reserved: 0, unsellable: 0, safetyStock: 0, incoming: 0 };
  }

  /**
   * A location's levels by SKU after `afterSku`, with the states a manager filters on: `limit` + 1 rows (the
   * last says whether more follow). The SKU is the catalogue's (variantSql), joined in the one statement.
   */
  async levelsAt(
    locationId: string,
    filter: { skuPrefix?: string; unsellable?: boolean; incoming?: boolean; soldOut?: boolean },
    limit: number,
    afterSku: string | null,
  ): Promise<(LevelStates & { sku: string; variantId: string })[]> {
    const sku = variantSql.skuOf('v');
    const prefix = filter.skuPrefix
      ? filter.skuPrefix
          .trim()
          .toUpperCase()
          .replace(/[\\%_]/g, '\\$&') + '%'
      : null;
    return this.tx.manager.query(
      `SELECT ${sku} AS sku, sl.variant_id AS "variantId", sl.on_hand AS "onHand", sl.reserved, sl.unsellable,
              sl.safety_stock AS "safetyStock", sl.incoming
       FROM stock_level sl ${variantSql.join('v', 'sl.variant_id')}
       WHERE sl.location_id = $1 AND ($2::text IS NULL OR ${sku} > $2) AND ($3::text IS NULL OR ${sku} LIKE $3)
         AND (NOT $4 OR sl.unsellable > 0) AND (NOT $5 OR sl.incoming > 0) AND (NOT $6 OR sl.available = 0)
       ORDER BY ${sku} LIMIT $7`,
      [locationId, afterSku, prefix, !!filter.unsellable, !!filter.incoming, !!filter.soldOut, limit + 1],
    );
  }

  /**
   * A level's ledger, newest first: `limit` movements after the keyset `key` (created_at, id) and whether
   * more follow, on `IDX_stock_movement_level_time_id`.
   */
  async movements(locationId: string, variantId: string, limit: number, key: TimeKey | null): Promise<MovementPage> {
    const params: unknown[] = [locationId, variantId, limit + 1];
    const after = key
      ? `AND (created_at, id) < (${fromEpochMicrosSql(`$${params.push(key.micros)}`)}, $${params.push(key.id)}::bigint)`
      : '';
    const rows = await this.tx.manager.query<(LedgerMovement & { micros: string })[]>(
      `SELECT id::text AS id, type, on_hand_delta AS "onHandDelta", reserved_delta AS "reservedDelta", unsellable_delta AS "unsellableDelta",
              safety_stock_delta AS "safetyStockDelta", incoming_delta AS "incomingDelta", reason, reference,
              created_at AS "createdAt", ${epochMicrosSql('created_at')} AS micros
       FROM stock_movement WHERE location_id = $1 AND variant_id = $2 ${after}
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      params,
    );
    return {
      hasNextPage: rows.length > limit,
      rows: rows.slice(0, limit).map(({ micros, ...movement }) => ({ cursor: encodeTimeCursor({ micros, id: movement.id }), movement })),
    };
  }

  /**
   * Pickup stores within `radiusKm` of a point, nearest first, with what they have of the variant with
   * this (normalised) SKU, zero included; null when no variant has it. The bounding box lets the partial
   * (lat, lng) index cut candidates; haversine makes it exact. The SKU is resolved in the same statement
   * and the stores come with the answer: one round trip, which is what a read costs here. With `sources`
   * (the answer asks for readyBy), a store without the size free also gets the nearest other location that
   * has it (`source`): those holders are read once for the statement, and only when some store needs them.
   */
  storesNear(lat: number, lng: number, radiusKm: number, sku: string, sources = true): Promise<StoreStock[] | null> {
    const box = boundingBox(lat, lng, radiusKm);
    const wraps = box.minLng < -180 || box.maxLng > 180;
    const variant = variantSql.bySku('v', '$4');
    const stores = locationSql.pickupStoresNear('l', 'd', {
      lat: '$1',
      lng: '$2',
      radiusKm: '$3',
      minLat: '$5',
      maxLat: '$6',
      ...(wraps ? {} : { minLng: '$7', maxLng: '$8' }),
    });
    // No variant: no row. A variant without a store in range, or off sale (archived): one row whose store is null. The variant and the
    // stores are the catalogue's and the locations' SQL (variantSql, locationSql), spliced into this one statement.
    return this.tx.manager
      .query(
        `${sources ? `WITH ${holdersCte('$4')}` : ''}
       SELECT s.*${sources ? `, ${nearestHolderColumns('src')}` : ''} FROM ${variant.from}
       LEFT JOIN LATERAL (
         SELECT ${locationColumns('l')}, d.km AS "distanceKm", COALESCE(sl.available, 0) AS available
         FROM ${stores.from}
         LEFT JOIN stock_level sl ON sl.location_id = l.id AND sl.variant_id = v.id
         WHERE ${stores.where} AND ${variantSql.forSale('v')}
       ) s ON true
       ${sources ? nearestHolderJoin('src', 's') : ''}
       WHERE ${variant.where}
       ORDER BY s."distanceKm", s.id`,
        [lat, lng, radiusKm, sku, box.minLat, box.maxLat, ...(wraps ? [] : [box.minLng, box.maxLng])],
      )
      .then((rows: (LocationEntity & { distanceKm: number; available: number } & HolderColumns)[]) =>
        rows.length === 0
          ? null
          : rows
              .filter((r) => r.id !== null)
              .map(({ distanceKm, available, sourceCode, sourceLat, sourceLng, ...location }) => ({
                location,
                available,
                distanceKm: Math.round(Number(distanceKm) * 1000) / 1000,
                source: sources ? holder(sourceCode, sourceLat, sourceLng) : null,
              })),
      );
  }

  /**
   * One location and what it has of the variant with this SKU, with the nearest other location that has it
   * when it has none free (the ready-by promise of `pickupPromise`): one statement. Null when no variant has
   * the SKU; `location` null when there is no such location; `forSale` false for an archived variant.
   */
  async stockAt(
    sku: string,
    locationId: string,
  ): Promise<{ location: LocationEntity | null; available: number; forSale: boolean; source: Holder | null } | null> {
    const variant = variantSql.bySku('v', '$1');
    const place = locationSql.byId('l', '$2::uuid');
    const [row] = await this.tx.manager.query<(LocationEntity & { available: number; forSale: boolean } & HolderColumns)[]>(
      `WITH ${holdersCte('$1')}
       SELECT s.*, ${variantSql.forSale('v')} AS "forSale", ${nearestHolderColumns('src')} FROM ${variant.from}
       LEFT JOIN LATERAL (
         SELECT ${locationColumns('l')}, COALESCE(sl.available, 0) AS available
         FROM ${place.from}
         LEFT JOIN stock_level sl ON sl.location_id = l.id AND sl.variant_id = v.id
         WHERE ${place.where}
       ) s ON true
       ${nearestHolderJoin('src', 's')}
       WHERE ${variant.where}`,
      [sku, locationId],
    );
    if (!row) return null;
    const { available, forSale, sourceCode, sourceLat, sourceLng, ...location } = row;
    return {
      location: location.id === null ? null : location,
      available: available ?? 0,
      forSale,
      source: holder(sourceCode, sourceLat, sourceLng),
    };
  }

  /**
   * Units that could be shipped to a home now: available stock across every location (variant_stock), batched per request,
   * from the availability cache where it has a fresh value (at most AVAILABILITY_CACHE_MS old).
   */
  availableOnline(ctx: HasLoaders, variantId: string): number | Promise<number> {
    const cached = this.cache.get(variantId);
    if (cached !== undefined) return cached; // no promise: graphql-js completes a plain value at once
    return loader<string, number>(ctx, 'availableOnline', async (ids) => {
      const version = this.cache.version(); // a value read before a change to its variant is not stored after it
      // The totals PostgreSQL keeps per variant: the sum of what each level may sell (ADR 0031).
      const rows: { variantId: string; available: number }[] = await this.tx.manager.query(
        `SELECT variant_id AS "variantId", available FROM variant_stock WHERE variant_id = ANY($1::uuid[])`,
        [ids],
      );
      const values = byKeys(ids, rows, (r) => r.variantId).map((r) => r?.available ?? 0);
      ids.forEach((id, i) => this.cache.set(id, values[i], version));
      return values;
    }).load(variantId) as Promise<number>;
  }

  /**
   * Every location with some stock of these variants free, with where it is and what it is (for sourcing):
   * one statement, the location's columns joined by the locations' SQL (locationSql).
   */
  async sourcingCandidates(variantIds: string[]): Promise<SourcingCandidate[]> {
    const rows: (Omit<SourcingCandidate, 'available'> & { variantId: string; available: number })[] = await this.tx.manager.query(
      `SELECT sl.location_id AS "locationId", ${locationSql.placeColumns('l')}, ${locationSql.shippingColumns('l')}, sl.variant_id AS "variantId", sl.available
         FROM stock_level sl ${locationSql.join('l', 'sl.location_id')}
         WHERE sl.variant_id = ANY($1::uuid[]) AND sl.available > 0`,
      [[...new Set(variantIds)]],
    );
    const byLocation = new Map<string, SourcingCandidate>();
    for (const { variantId, available, ...place } of rows) {
      let c = byLocation.get(place.locationId);
      if (!c) byLocation.set(place.locationId, (c = { ...place, available: new Map() }));
      c.available.set(variantId, available);
    }
    return [...byLocation.values()];
  }
}

/** A movement of the ledger as the back office reads it. */
export interface LedgerMovement {
  id: string;
  type: string;
  onHandDelta: number;
  reservedDelta: number;
  unsellableDelta: number;
  safetyStockDelta: number;
  incomingDelta: number;
  reason: string | null;
  reference: string | null;
  createdAt: Date;
}

export interface MovementPage {
  hasNextPage: boolean;
  rows: { cursor: string; movement: LedgerMovement }[];
}

/** A location that could send stock, with what it has free of the variants asked for (by variant id). */
export interface SourcingCandidate {
  locationId: string;
  code: string;
  type: 'STORE' | 'WAREHOUSE';
  lat: number;
  lng: number;
  /** May send delivery orders. */
  shipsOrders: boolean;
  /** Delivery fulfilments it may take on per day (null: no limit). */
  capacityPerDay: number | null;
  /** IANA time zone, for the day its capacity counts. */
  timeZone: string;
  available: Map<string, number>;
}
