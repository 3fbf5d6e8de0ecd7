/** How long a transfer takes: a known time for a pair of locations, else a base plus a rate per distance. */
export class LeadTimes {
    baseHours;
    hoursPer100Km;
    pairs;
    constructor(baseHours, hoursPer100Km, pairs = '') {
        this.baseHours = baseHours;
        this.hoursPer100Km = hoursPer100Km;
        this.pairs = new Map(pairs.split(',').filter(Boolean).map((p) => {
            const [route, hours] = p.split('=');
            return [route.toUpperCase(), Number(hours)];
        }));
    }
    hours(fromCode, toCode, distanceKm) {
        return this.pairs.get(`${fromCode}>${toCode}`.toUpperCase()) ?? this.baseHours + Math.ceil((distanceKm / 100) * this.hoursPer100Km);
    }
}
//# sourceMappingURL=lead-times.js.map