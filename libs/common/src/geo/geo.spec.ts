import { describe, expect, it } from '@jest/globals';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { ApiError } from '../errors/api-errors.js';
import { boundingBox, checkedGeoPoint, EARTH_RADIUS_KM, GeoPointInput } from './geo.js';

const haversine = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
};

describe('bounding box for a radius search', () => {
  it('contains every point of the circle', () => {
    const c = { lat: 48.8566, lng: 2.3522 };
    const box = boundingBox(c.lat, c.lng, 50);
    for (let deg = 0; deg < 360; deg += 5) {
      // a point just inside the circle, in each direction
      const b = (deg * Math.PI) / 180;
      const d = 49.9 / EARTH_RADIUS_KM;
      const lat = Math.asin(
        Math.sin((c.lat * Math.PI) / 180) * Math.cos(d) + Math.cos((c.lat * Math.PI) / 180) * Math.sin(d) * Math.cos(b),
      );
      const lng =
        (c.lng * Math.PI) / 180 +
        Math.atan2(
          Math.sin(b) * Math.sin(d) * Math.cos((c.lat * Math.PI) / 180),
          Math.cos(d) - Math.sin((c.lat * Math.PI) / 180) * Math.sin(lat),
        );
      const p = { lat: (lat * 180) / Math.PI, lng: (lng * 180) / Math.PI };
      expect(haversine(c, p)).toBeLessThan(50);
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(p.lat).toBeLessThanOrEqual(box.maxLat);
      expect(p.lng).toBeGreaterThanOrEqual(box.minLng);
      expect(p.lng).toBeLessThanOrEqual(box.maxLng);
    }
  });

  it('Paris to a point 0.04° north is about 4.45 km', () => {
    expect(haversine({ lat: 48.8566, lng: 2.3522 }, { lat: 48.8966, lng: 2.3522 })).toBeCloseTo(4.45, 1);
  });
});

describe('checkedGeoPoint: the rules of GeoPointInput, for an argument the ValidationPipe skips', () => {
  const points = [
    [0, 0],
    [90, 180],
    [-90, -180],
    [90.0001, 0],
    [-90.5, 0],
    [0, 180.0001],
    [0, -181],
    [48.85, 2.35],
  ];

  it('accepts and refuses exactly what the class-validator decorators do', async () => {
    for (const [lat, lng] of points) {
      const decorators = (await validate(plainToInstance(GeoPointInput, { lat, lng }))).length === 0;
      let checked = true;
      try {
        checkedGeoPoint({ lat, lng }, 'near');
      } catch {
        checked = false;
      }
      expect([lat, lng, checked]).toEqual([lat, lng, decorators]);
    }
  });

  it('refuses with BAD_USER_INPUT naming the argument and the coordinate', () => {
    const refusal = (() => {
      try {
        checkedGeoPoint({ lat: 0, lng: 200 }, 'near');
      } catch (err) {
        return err as ApiError;
      }
    })();
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['near', 'lng'] });
  });
});
