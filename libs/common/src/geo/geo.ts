import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude } from 'class-validator';
import { badInput } from '../errors/api-errors.js';

@ObjectType()
export class GeoPoint {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;
}

@InputType()
export class GeoPointInput {
  @Field(() => Float)
  @IsLatitude({ message: 'lat must be between -90 and 90' })
  lat: number;

  @Field(() => Float)
  @IsLongitude({ message: 'lng must be between -180 and 180' })
  lng: number;
}

/**
 * The checks of GeoPointInput's decorators, for a resolver whose `near` argument skips the global
 * ValidationPipe (declared as this plain type, which the pipe leaves alone): class-transformer and
 * class-validator on that one small object cost storesNear a tenth of its server CPU per request
 * (bench/side-by-side.mjs, both orders: B/A 0.90). GraphQL has already made both numbers Floats.
 */
export function checkedGeoPoint(point: { lat: number; lng: number }, field: string): { lat: number; lng: number } {
  if (!(point.lat >= -90 && point.lat <= 90)) throw badInput('lat must be between -90 and 90', [field, 'lat']);
  if (!(point.lng >= -180 && point.lng <= 180)) throw badInput('lng must be between -180 and 180', [field, 'lng']);
  return point;
}

export const EARTH_RADIUS_KM = 6371.0088;

/**
 * SQL for the great-circle distance in km between the columns `lat`/`lng` of `alias` and the
 * parameters `$lat`/`$lng` (haversine), for ordering and the exact radius test.
 */
export function distanceSql(alias: string, latParam: string, lngParam: string): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(sqrt(
    power(sin(radians(${alias}.lat - ${latParam}) / 2), 2) +
    cos(radians(${latParam})) * cos(radians(${alias}.lat)) * power(sin(radians(${alias}.lng - ${lngParam}) / 2), 2))))`;
}

/** A lat/lng box that contains the circle, so an index on (lat, lng) can cut the candidates first. */
export function boundingBox(lat: number, lng: number, radiusKm: number) {
  const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const cosLat = Math.cos((lat * Math.PI) / 180);
  const dLng = cosLat < 1e-6 ? 180 : Math.min(180, dLat / cosLat);
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}

/** The great-circle distance in km between two points (the same formula as `distanceSql`). */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}
