/** When a flight began: this process's count of changes heard (exact here), and the wall clock (for other processes). */
export interface Moment {
  seq: number;
  at: number;
}

/**
 * The stock changes this process has heard lately, so that an answer read before one of them is not
 * kept after it. A flight of this process compares counts (exact); a copy another process put in Redis
 * compares wall clocks, the writer's when its flight began against ours when we heard the change (as
 * exact as the two clocks agree; on one machine, exact). Changes older than `keepMs` are forgotten, and
 * so is any answer whose flight began before then; past `max` variants, everything is taken as changed.
 */
export class ChangeLog {
  private seq = 0;
  /** Each variant's last change; re-inserted on each, so the oldest are at the head. */
  private readonly last = new Map<string, Moment>();
  /** The last change to everything: a new product, events lost, too many variants to remember. */
  private all: Moment = { seq: 0, at: 0 };

  constructor(
    private readonly keepMs: number,
    private readonly max: number,
  ) {}

  now(): Moment {
    return { seq: this.seq, at: Date.now() };
  }

  variantChanged(variantId: string): void {
    if (this.last.size >= this.max) return this.everythingChanged();
    this.last.delete(variantId);
    this.last.set(variantId, { seq: ++this.seq, at: Date.now() });
  }

  everythingChanged(): void {
    this.all = { seq: ++this.seq, at: Date.now() };
    this.last.clear();
  }

  /** Whether this process's flight that began at `began` may have read one of `variants` before a change heard since. */
  changedSince(began: Moment, variants: Iterable<string>): boolean {
    if (this.all.seq > began.seq || began.at < Date.now() - this.keepMs) return true;
    for (const v of variants) if ((this.last.get(v)?.seq ?? 0) > began.seq) return true;
    return false;
  }

  /** The same for another process's flight that began at wall time `at`. */
  changedAfter(at: number, variants: Iterable<string>): boolean {
    if (!(at >= Date.now() - this.keepMs) || this.all.at >= at) return true;
    for (const v of variants) if ((this.last.get(v)?.at ?? 0) >= at) return true;
    return false;
  }

  /** Forgets changes older than every flight that may still be kept. */
  prune(now: number): void {
    for (const [v, m] of this.last) {
      if (m.at >= now - this.keepMs) break;
      this.last.delete(v);
    }
  }
}
