var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude } from 'class-validator';
let GeoPoint = class GeoPoint {
    lat;
    lng;
};
__decorate([
    Field(() => Float),
    __metadata("design:type", Number)
], GeoPoint.prototype, "lat", void 0);
__decorate([
    Field(() => Float),
    __metadata("design:type", Number)
], GeoPoint.prototype, "lng", void 0);
GeoPoint = __decorate([
    ObjectType()
], GeoPoint);
export { GeoPoint };
let GeoPointInput = class GeoPointInput {
    lat;
    lng;
};
__decorate([
    Field(() => Float),
    IsLatitude({ message: 'lat must be between -90 and 90' }),
    __metadata("design:type", Number)
], GeoPointInput.prototype, "lat", void 0);
__decorate([
    Field(() => Float),
    IsLongitude({ message: 'lng must be between -180 and 180' }),
    __metadata("design:type", Number)
], GeoPointInput.prototype, "lng", void 0);
GeoPointInput = __decorate([
    InputType()
], GeoPointInput);
export { GeoPointInput };
export const EARTH_RADIUS_KM = 6371.0088;
/**
 * SQL for the great-circle distance in km between the columns `lat`/`lng` of `alias` and the
 * parameters `$lat`/`$lng` (haversine), for ordering and the exact radius test.
 */
export function distanceSql(alias, latParam, lngParam) {
    return `(2 * ${EARTH_RADIUS_KM} * asin(sqrt(
    power(sin(radians(${alias}.lat - ${latParam}) / 2), 2) +
    cos(radians(${latParam})) * cos(radians(${alias}.lat)) * power(sin(radians(${alias}.lng - ${lngParam}) / 2), 2))))`;
}
/** A lat/lng box that contains the circle, so an index on (lat, lng) can cut the candidates first. */
export function boundingBox(lat, lng, radiusKm) {
    const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
    const cosLat = Math.cos((lat * Math.PI) / 180);
    const dLng = cosLat < 1e-6 ? 180 : Math.min(180, dLat / cosLat);
    return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}
/** The great-circle distance in km between two points (the same formula as `distanceSql`). */
export function haversineKm(lat1, lng1, lat2, lng2) {
    const rad = Math.PI / 180;
    const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}
//# sourceMappingURL=geo.js.map