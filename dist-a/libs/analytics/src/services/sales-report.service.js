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
import { requireStaff, SalesChannel, StaffRole } from '../../../auth/src/index.js';
import { badInput, TransactionHost } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
import { LocationsService } from '../../../locations/src/index.js';
const MAX_DAYS = 366;
/** An order counts for a store when it was sold there, ships from there or is collected there. */
const IN_SCOPE = `o.created_at >= $1 AND o.created_at < $2 AND ($3::uuid IS NULL OR o.attributed_location_id = $3
  OR EXISTS (SELECT 1 FROM fulfillment sf WHERE sf.order_id = o.id AND (sf.pickup_location_id = $3 OR sf.source_location_id = $3)))`;
/**
 * Sales figures by channel, click and collect, the endless aisle and by day, computed in SQL over
 * `customer_order.created_at` (indexed). Windows are instants (`from` inclusive, `to` exclusive), so they
 * mean the same in every time zone; days are cut in the time zone asked for. Admins see every store,
 * managers their own.
 */
let SalesReportService = class SalesReportService {
    tx;
    locations;
    config;
    constructor(tx, locations, config) {
        this.tx = tx;
        this.locations = locations;
        this.config = config;
    }
    async byChannel(caller, from, to) {
        const s = this.scope(caller, from, to);
        const rows = await this.tx.manager.query(`SELECT o.channel, count(*)::int AS orders, (count(*) FILTER (WHERE o.status = 'CANCELLED'))::int AS cancelled,
              COALESCE(SUM(o.total) FILTER (WHERE o.status <> 'CANCELLED'), 0)::bigint AS revenue,
              COALESCE(SUM(u.units) FILTER (WHERE o.status <> 'CANCELLED'), 0)::int AS units, MAX(o.currency) AS currency
       FROM customer_order o CROSS JOIN LATERAL (SELECT SUM(quantity) AS units FROM order_line WHERE order_id = o.id) u
       WHERE ${IN_SCOPE} GROUP BY o.channel`, [s.from, s.to, s.locationId]);
        const currency = this.config.get('DEFAULT_CURRENCY');
        return Object.values(SalesChannel).map((channel) => {
            const r = rows.find((x) => x.channel === channel);
            const kept = r ? r.orders - r.cancelled : 0;
            const revenue = Number(r?.revenue ?? 0);
            return { channel, orders: r?.orders ?? 0, cancelledOrders: r?.cancelled ?? 0, revenue, units: r?.units ?? 0, currency: r?.currency ?? currency,
                averageOrderValue: kept ? Math.round(revenue / kept) : null };
        });
    }
    async clickAndCollect(caller, from, to) {
        const s = this.scope(caller, from, to);
        const [r] = await this.tx.manager.query(`SELECT count(DISTINCT o.id)::int AS "pickupOrders", count(*)::int AS "pickupFulfillments",
              (count(*) FILTER (WHERE f.status = 'COLLECTED'))::int AS collected, (count(*) FILTER (WHERE f.status = 'EXPIRED'))::int AS expired,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.ready_at - o.created_at)) AS "medianOrderToReadySeconds",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.closed_at - f.ready_at)) FILTER (WHERE f.status = 'COLLECTED') AS "medianReadyToCollectedSeconds"
       FROM fulfillment f JOIN customer_order o ON o.id = f.order_id
       WHERE f.type IN ('PICKUP', 'SHIP_TO_STORE') AND o.created_at >= $1 AND o.created_at < $2 AND ($3::uuid IS NULL OR f.pickup_location_id = $3)`, [s.from, s.to, s.locationId]);
        const ratio = (a, b) => (b ? Math.round((a / b) * 10000) / 10000 : null);
        const num = (x) => (x === null || x === undefined ? null : Number(x));
        return {
            ...r, collectedShare: ratio(r.collected, r.pickupFulfillments), expiredRate: ratio(r.expired, r.collected + r.expired),
            medianOrderToReadySeconds: num(r.medianOrderToReadySeconds), medianReadyToCollectedSeconds: num(r.medianReadyToCollectedSeconds),
        };
    }
    async endlessAisle(caller, from, to) {
        const s = this.scope(caller, from, to);
        const rows = await this.tx.manager.query(`SELECT o.attributed_location_id AS "locationId", count(*)::int AS orders, SUM(o.total)::bigint AS revenue, MAX(o.currency) AS currency
       FROM customer_order o
       WHERE o.placed_by_staff_id IS NOT NULL AND o.status <> 'CANCELLED' AND o.attributed_location_id IS NOT NULL
         AND o.created_at >= $1 AND o.created_at < $2 AND ($3::uuid IS NULL OR o.attributed_location_id = $3)
       GROUP BY o.attributed_location_id ORDER BY SUM(o.total) DESC`, [s.from, s.to, s.locationId]);
        return rows.map((r) => ({ ...r, revenue: Number(r.revenue) }));
    }
    async daily(caller, from, to, timeZone) {
        const s = this.scope(caller, from, to);
        const tz = timeZone ?? (s.locationId ? (await this.locations.find(s.locationId))?.timeZone : undefined) ?? 'UTC';
        if (!isTimeZone(tz))
            throw badInput(`Unknown time zone ${tz}`, ['timeZone']);
        const rows = await this.tx.manager.query(`SELECT to_char((o.created_at AT TIME ZONE $4)::date, 'YYYY-MM-DD') AS day, o.channel, count(*)::int AS orders,
              COALESCE(SUM(o.total) FILTER (WHERE o.status <> 'CANCELLED'), 0)::bigint AS revenue, MAX(o.currency) AS currency
       FROM customer_order o WHERE ${IN_SCOPE} GROUP BY 1, 2 ORDER BY 1, 2`, [s.from, s.to, s.locationId, tz]);
        return rows.map((r) => ({ ...r, revenue: Number(r.revenue) }));
    }
    scope(caller, from, to) {
        const staff = requireStaff(caller, [StaffRole.MANAGER, StaffRole.ADMIN]);
        if (!(from < to))
            throw badInput('from must be before to', ['to']);
        if (to.getTime() - from.getTime() > MAX_DAYS * 86400e3)
            throw badInput(`A report covers at most ${MAX_DAYS} days`, ['to']);
        return { from, to, locationId: staff.role === StaffRole.ADMIN ? null : staff.locationId };
    }
};
SalesReportService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        LocationsService,
        AppConfig])
], SalesReportService);
export { SalesReportService };
function isTimeZone(tz) {
    try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=sales-report.service.js.map