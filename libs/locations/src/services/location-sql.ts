import { distanceSql } from '@app/common';

/** Placeholders ($n) of a radius search around a point, with its bounding box (`boundingBox`). */
export interface NearParams {
  lat: string;
  lng: string;
  radiusKm: string;
  minLat: string;
  maxLat: string;
  /** Absent when the box wraps the antimeridian: longitude does not cut then. */
  minLng?: string;
  maxLng?: string;
}

/**
 * SQL the locations domain writes for another domain's one-statement read (docs/adr/0026-table-ownership.md):
 * the caller splices it in, so its read stays one round trip and its plan unchanged, and only this lib
 * names the location table. `locationColumns` (location.entity.ts) gives a joined location's columns.
 */
export const locationSql = {
  /**
   * The pickup stores (`alias`) within the radius, with their distance in km as `${km}.km`: a FROM item
   * and its WHERE condition. The box lets the partial (lat, lng) index cut candidates; haversine makes it exact.
   */
  pickupStoresNear: (alias: string, km: string, p: NearParams): { from: string; where: string } => ({
    from: `location ${alias}
         CROSS JOIN LATERAL (SELECT ${distanceSql(alias, p.lat, p.lng)} AS km) ${km}`,
    where: `${alias}.type = 'STORE' AND ${alias}.pickup_enabled
           AND ${alias}.lat BETWEEN ${p.minLat} AND ${p.maxLat} ${p.minLng && p.maxLng ? `AND ${alias}.lng BETWEEN ${p.minLng} AND ${p.maxLng}` : ''}
           AND ${km}.km <= ${p.radiusKm}`,
  }),
  /** The location with id `idParam` (an SQL expression) as `alias`: a FROM item and its WHERE condition. */
  byId: (alias: string, idParam: string): { from: string; where: string } => ({
    from: `location ${alias}`,
    where: `${alias}.id = ${idParam}`,
  }),
  /** Joins the location `locationId` (an SQL expression) as `alias`; `placeColumns(alias)` then reads where and what it is. */
  join: (alias: string, locationId: string): string => `JOIN location ${alias} ON ${alias}.id = ${locationId}`,
  placeColumns: (alias: string): string => `${alias}.code, ${alias}.type, ${alias}.lat, ${alias}.lng`,
  /** Whether a joined location ships delivery orders, its daily capacity (null: no limit) and its time zone. */
  shippingColumns: (alias: string): string =>
    `${alias}.ships_orders AS "shipsOrders", ${alias}.fulfilment_capacity_per_day AS "capacityPerDay", ${alias}.time_zone AS "timeZone"`,
};
