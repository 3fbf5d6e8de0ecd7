/** How long a transfer takes: a known time for a pair of locations, else a base plus a rate per distance. */
export class LeadTimes {
  private readonly pairs: Map<string, number>;

  constructor(
    private readonly baseHours: number,
    private readonly hoursPer100Km: number,
    pairs = '',
  ) {
    this.pairs = new Map(
      pairs
        .split(',')
        .filter(Boolean)
        .map((p) => {
          const [route, hours] = p.split('=');
          return [route.toUpperCase(), Number(hours)];
        }),
    );
  }

  hours(fromCode: string, toCode: string, distanceKm: number): number {
    return this.pairs.get(`${fromCode}>${toCode}`.toUpperCase()) ?? this.baseHours + Math.ceil((distanceKm / 100) * this.hoursPer100Km);
  }
}
