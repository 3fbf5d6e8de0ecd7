import type { Candidate } from './sourcing-strategy.js';

/** A sourcing candidate for unit specs: at latitude `lat` (all on one meridian), with units free by variant. */
export const loc = (locationId: string, type: 'STORE' | 'WAREHOUSE', lat: number, stock: Record<string, number>): Candidate => ({
  locationId,
  code: locationId,
  type,
  lat,
  lng: 2.35,
  shipsOrders: true,
  capacityPerDay: null,
  timeZone: 'Europe/Paris',
  available: new Map(Object.entries(stock)),
});
