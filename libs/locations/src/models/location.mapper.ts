import { LocationEntity } from '../entities/location.entity.js';
import { formatIsoDuration } from '../services/iso-duration.js';
import { Location, LocationTypeEnum } from './location.model.js';

export function toLocation(e: LocationEntity): Location {
  return Object.assign(new Location(), {
    id: e.id,
    code: e.code,
    name: e.name,
    type: e.type as LocationTypeEnum,
    geo: { lat: e.lat, lng: e.lng },
    address: e.addressLine1
      ? { line1: e.addressLine1, city: e.addressCity ?? '', postalCode: e.addressPostalCode ?? '', country: e.addressCountry ?? '' }
      : null,
    pickupEnabled: e.pickupEnabled,
    pickupHold: e.type === 'STORE' ? formatIsoDuration(e.pickupHoldSeconds) : null,
    preparationTime: e.type === 'STORE' ? formatIsoDuration(e.preparationSeconds) : null,
    shipsOrders: e.shipsOrders,
    fulfilmentCapacityPerDay: e.fulfilmentCapacityPerDay,
    timeZone: e.timeZone,
    openingHours: e.openingHours ?? [],
  });
}
