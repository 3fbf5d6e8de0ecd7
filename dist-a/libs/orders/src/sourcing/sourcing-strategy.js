import { haversineKm } from '../../../common/src/index.js';
/** How a retailer chooses where stock comes from. Swap the provider to change the rule. */
export class SourcingStrategy {
}
/**
 * The default rule: one location that can send the whole group if there is one (fewer parcels); else each
 * line from the best location that has all of it. Best = warehouses before stores (store stock serves walk-in
 * customers), then nearest to the destination, then by location code so the choice is stable.
 */
export class WarehouseFirstNearestSourcing extends SourcingStrategy {
    plan({ lines, candidates, destination, exclude }) {
        const usable = this.order(candidates.filter((c) => c.locationId !== exclude), destination);
        const canSend = (c, l) => (c.available.get(l.variantId) ?? 0) >= this.needed(lines, l.variantId);
        const whole = usable.find((c) => lines.every((l) => canSend(c, l)));
        const sources = new Map();
        const unfilled = [];
        for (const line of lines) {
            const from = whole ?? usable.find((c) => (c.available.get(line.variantId) ?? 0) >= line.quantity);
            if (from)
                sources.set(line.key, from.locationId);
            else
                unfilled.push(line.key);
        }
        return { sources, unfilled };
    }
    rank(candidates, variantId, quantity, destination) {
        return this.order(candidates.filter((c) => (c.available.get(variantId) ?? 0) >= quantity), destination);
    }
    order(candidates, destination) {
        const km = (c) => (destination ? haversineKm(destination.lat, destination.lng, c.lat, c.lng) : 0);
        return [...candidates].sort((a, b) => (a.type === b.type ? 0 : a.type === 'WAREHOUSE' ? -1 : 1) || km(a) - km(b) || a.code.localeCompare(b.code));
    }
    /** Two lines of one variant sent together need the sum. */
    needed(lines, variantId) {
        return lines.filter((l) => l.variantId === variantId).reduce((n, l) => n + l.quantity, 0);
    }
}
//# sourceMappingURL=sourcing-strategy.js.map