var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { locationColumns } from '../../../locations/src/index.js';
import { AvailabilityCache } from './availability-cache.js';
import { boundingBox, byKeys, distanceSql, loader, TransactionHost } from '../../../common/src/index.js';
export const MAX_RADIUS_KM = 1000;
/** Read side of stock: levels, availability online and in stores near a point. */
let StockQueryService = class StockQueryService {
    tx;
    cache;
    constructor(tx, cache) {
        this.tx = tx;
        this.cache = cache;
    }
    async level(locationId, variantId) {
        const [row] = await this.tx.manager.query(`SELECT on_hand AS "onHand", reserved FROM stock_level WHERE location_id = $1 AND variant_id = $2`, [locationId, variantId]);
        return row ?? { onHand: 0, reserved: 0 };
    }
    /**
     * Pickup stores within `radiusKm`, nearest first, with what they have of the variant (zero included).
     * The bounding box lets the partial (lat, lng) index cut candidates; haversine makes it exact. The
     * stores come with the answer (one query, not one more for the locations).
     */
    storesNear(lat, lng, radiusKm, variantId) {
        const box = boundingBox(lat, lng, radiusKm);
        const wraps = box.minLng < -180 || box.maxLng > 180;
        return this.tx.manager.query(`SELECT ${locationColumns('l')}, d.km AS "distanceKm", COALESCE(GREATEST(sl.on_hand - sl.reserved, 0), 0)::int AS available
       FROM location l
       CROSS JOIN LATERAL (SELECT ${distanceSql('l', '$1', '$2')} AS km) d
       LEFT JOIN stock_level sl ON sl.location_id = l.id AND sl.variant_id = $4
       WHERE l.type = 'STORE' AND l.pickup_enabled
         AND l.lat BETWEEN $5 AND $6 ${wraps ? '' : 'AND l.lng BETWEEN $7 AND $8'}
         AND d.km <= $3
       ORDER BY d.km, l.id`, [lat, lng, radiusKm, variantId, box.minLat, box.maxLat, ...(wraps ? [] : [box.minLng, box.maxLng])]).then((rows) => rows.map(({ distanceKm, available, ...location }) => ({ location, available, distanceKm: Math.round(Number(distanceKm) * 1000) / 1000 })));
    }
    /**
     * Units that could be shipped to a home now: available stock across every location (variant_stock), batched per request,
     * from the availability cache where it has a fresh value (at most AVAILABILITY_CACHE_MS old).
     */
    availableOnline(ctx, variantId) {
        const cached = this.cache.get(variantId);
        if (cached !== undefined)
            return cached; // no promise: graphql-js completes a plain value at once
        return loader(ctx, 'availableOnline', async (ids) => {
            const versions = ids.map((id) => this.cache.version(id)); // a value read before a change is not stored after it
            // The totals PostgreSQL keeps per variant (on_hand >= reserved at every level, so this is the sum of what each has free).
            const rows = await this.tx.manager.query(`SELECT variant_id AS "variantId", on_hand - reserved AS available FROM variant_stock WHERE variant_id = ANY($1::uuid[])`, [ids]);
            const values = byKeys(ids, rows, (r) => r.variantId).map((r) => r?.available ?? 0);
            ids.forEach((id, i) => this.cache.set(id, values[i], versions[i]));
            return values;
        }).load(variantId);
    }
};
StockQueryService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        AvailabilityCache])
], StockQueryService);
export { StockQueryService };
//# sourceMappingURL=stock-query.service.js.map