import { Injectable } from '@nestjs/common';
import { type Caller, requireActsAt, requireStaff, type StaffCaller, canActAt } from '@app/auth';
import { AuditAction, AuditLog } from '@app/audit';
import { CatalogueService, normaliseSku } from '@app/catalogue';
import { badInput, BusinessError, ErrorCode, forbidden, isUuid, notFound, TransactionHost } from '@app/common';
import { LocationsService } from '@app/locations';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { type MovementMeta, StockLedger } from '../services/stock-ledger.service.js';
import { HeldStockShortages } from './held-stock-shortages.js';
import {
  MAX_COUNT_PAGE,
  type StockCount,
  type StockCountLine,
  type StockCountLineInput,
  StockCountStatus as S,
} from './stock-count.model.js';

const COUNT_COLUMNS = `c.id, c.status, c.location_id AS "locationId", c.created_at AS "createdAt", c.closed_at AS "closedAt",
  (SELECT count(*)::int FROM stock_count_line l WHERE l.count_id = c.id) AS "lineCount",
  (SELECT count(counted)::int FROM stock_count_line l WHERE l.count_id = c.id) AS "countedCount"`;

interface CountLineRow {
  variantId: string;
  sku: string;
  expected: number;
  counted: number | null;
}

/**
 * Counts taken while the store sells (docs/adr/0031-store-stock-states.md): `expected` is on hand when the
 * count begins, and applying moves on hand by `counted - expected` on top of whatever moved since, so sales
 * and receipts made while counting are kept. One open count per level (a partial unique index), so two
 * counts never both apply a variance. Units the count did not find that were damaged are written off; units
 * held for orders go through the orders' shortage flow.
 */
@Injectable()
export class StockCountsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: StockLedger,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
    private readonly audit: AuditLog,
  ) {}

  private shortages: HeldStockShortages | null = null;

  /** The orders lib hands its shortage flow in at start (it depends on the inventory, not the other way). */
  handleShortagesWith(shortages: HeldStockShortages): void {
    this.shortages = shortages;
  }

  /** Staff of the location: a count of these SKUs (none: every SKU the location has a level of). */
  async start(caller: Caller, locationId: string, skus: string[]): Promise<StockCount> {
    const staff = requireActsAt(caller, locationId);
    if (!(await this.locations.find(locationId))) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
    const variants = skus.length ? await this.variantsOf(skus) : await this.everyVariantAt(locationId);
    return this.tx.run(async () => {
      const [{ id }] = await this.tx.manager.query<{ id: string }[]>(
        `INSERT INTO stock_count (location_id, created_by) VALUES ($1, $2) RETURNING id`,
        [locationId, staff.staffId],
      );
      // Expected: on hand now. A level already in another open count is skipped here and refused below.
      const inserted = await this.tx.manager.query<unknown[]>(
        `INSERT INTO stock_count_line (count_id, location_id, variant_id, sku, expected)
         SELECT $1, $2, x.v, x.s, COALESCE(sl.on_hand, 0)
         FROM unnest($3::uuid[], $4::text[]) AS x(v, s) LEFT JOIN stock_level sl ON sl.location_id = $2 AND sl.variant_id = x.v
         ON CONFLICT (location_id, variant_id) WHERE open DO NOTHING RETURNING 1`,
        [id, locationId, variants.map((v) => v.id), variants.map((v) => v.sku)],
      );
      if (inserted.length !== variants.length)
        throw new BusinessError(ErrorCode.COUNT_IN_PROGRESS, 'Another open count already covers some of these SKUs here', ['skus']);
      return this.get(id);
    });
  }

  /** Staff of the location: counted units by SKU (a page at a time; a SKU recorded again replaces its count). */
  record(caller: Caller, id: string, lines: StockCountLineInput[]): Promise<StockCount> {
    if (lines.length > MAX_COUNT_PAGE) throw badInput(`At most ${MAX_COUNT_PAGE} lines per call`, ['lines']);
    return this.step(caller, id, async (c) => {
      const skus = lines.map((l) => normaliseSku(l.sku));
      if (new Set(skus).size !== skus.length) throw badInput('Each SKU once per call', ['lines']);
      const [{ n }] = await this.tx.manager.query<{ n: number }[]>(
        `WITH u AS (UPDATE stock_count_line l SET counted = x.n FROM unnest($2::text[], $3::int[]) AS x(s, n)
           WHERE l.count_id = $1 AND l.sku = x.s RETURNING 1)
         SELECT count(*)::int AS n FROM u`,
        [c.id, skus, lines.map((l) => l.counted)],
      );
      if (n !== lines.length) throw new BusinessError(ErrorCode.NOT_IN_DOCUMENT, 'Some SKUs are not in this count', ['lines']);
    });
  }

  /**
   * Staff of the location: each counted line moves on hand by its variance (movement COUNT), in variant order.
   * Short of what is held and unsellable, the damaged units not found are written off first, then the held
   * units go to the shortage flow; what it cannot place stays held and is reported (`heldShort` counts
   * those handed over). Applying twice is INVALID_STATE.
   */
  apply(caller: Caller, id: string): Promise<StockCount> {
    return this.step(caller, id, async (c, staff) => {
      const lines = await this.tx.manager.query<CountLineRow[]>(
        `SELECT variant_id AS "variantId", sku, expected, counted FROM stock_count_line
         WHERE count_id = $1 AND counted IS NOT NULL AND counted <> expected ORDER BY variant_id`,
        [c.id],
      );
      const meta = (reason: string | null): MovementMeta => ({
        type: StockMovementType.COUNT,
        reference: `count:${c.id}`,
        reason,
        staffId: staff.staffId,
      });
      let moved = 0;
      for (const l of lines) {
        const variance = l.counted! - l.expected;
        if (variance > 0) {
          await this.ledger.adjustOnHand(c.locationId, l.variantId, variance, meta('found'));
        } else if (!(await this.ledger.change(c.locationId, l.variantId, { onHand: variance }, meta('not found')))) {
          const short = await this.shortOf(staff, c.locationId, l.variantId, variance, meta);
          if (short)
            await this.tx.manager.query(`UPDATE stock_count_line SET held_short = $3 WHERE count_id = $1 AND variant_id = $2`, [
              c.id,
              l.variantId,
              short,
            ]);
        }
        moved += 1;
      }
      await this.close(c.id, S.APPLIED);
      await this.audit.record({
        action: AuditAction.STOCK_COUNT_APPLIED,
        staffId: staff.staffId,
        subjectType: 'StockCount',
        subjectId: c.id,
        before: null,
        after: { locationId: c.locationId, linesWithVariance: moved },
      });
    });
  }

  /** Staff of the location: an open count is dropped; nothing moves. */
  cancel(caller: Caller, id: string): Promise<StockCount> {
    return this.step(caller, id, (c) => this.close(c.id, S.CANCELLED));
  }

  async find(caller: Caller, id: string): Promise<StockCount | null> {
    const staff = requireStaff(caller);
    if (!isUuid(id)) return null;
    const [c] = await this.tx.manager.query<StockCount[]>(`SELECT ${COUNT_COLUMNS} FROM stock_count c WHERE c.id = $1`, [id]);
    if (c && !canActAt(staff, c.locationId)) throw forbidden('Staff see the counts of their location');
    return c ?? null;
  }

  /** A page of a count's lines by SKU (`after`: the last SKU of the previous page), optionally only those not counted yet. */
  lines(countId: string, first: number, after: string | null, uncountedOnly: boolean): Promise<StockCountLine[]> {
    return this.tx.manager.query(
      `SELECT sku, expected, counted, counted - expected AS variance, held_short AS "heldShort" FROM stock_count_line
       WHERE count_id = $1 AND ($2::text IS NULL OR sku > $2) AND (NOT $3 OR counted IS NULL) ORDER BY sku LIMIT $4`,
      [countId, after, uncountedOnly, first],
    );
  }

  /**
   * A variance that would take on hand below what is held and unsellable. The unsellable units not found are
   * written off; on hand falls to what is still held, so nothing is free here when the held units not found
   * go to the shortage flow (which must not hold them again on this shelf). Returns the held units it took.
   */
  private async shortOf(
    staff: StaffCaller,
    locationId: string,
    variantId: string,
    variance: number,
    meta: (r: string) => MovementMeta,
  ): Promise<number> {
    const level = await this.ledger.read(locationId, variantId);
    const target = Math.max(level.onHand + variance, 0);
    const damaged = Math.min(level.unsellable, level.reserved + level.unsellable - target);
    if (damaged > 0)
      await this.ledger.change(locationId, variantId, { onHand: -damaged, unsellable: -damaged }, meta('unsellable units not found'));
    const free = level.onHand - damaged - (level.reserved + level.unsellable - damaged);
    if (free > 0) await this.ledger.change(locationId, variantId, { onHand: -free }, meta('not found'));
    const heldMissing = level.reserved - target;
    return heldMissing > 0 && this.shortages ? this.shortages.unitsMissing(staff, locationId, variantId, heldMissing) : 0;
  }

  private step(caller: Caller, id: string, work: (c: StockCount, staff: StaffCaller) => Promise<void>): Promise<StockCount> {
    const staff = requireStaff(caller);
    if (!isUuid(id)) throw notFound('Stock count');
    return this.tx.run(async () => {
      const [c] = await this.tx.manager.query<StockCount[]>(
        `SELECT c.id, c.status, c.location_id AS "locationId" FROM stock_count c WHERE c.id = $1 FOR UPDATE`,
        [id],
      );
      if (!c) throw notFound('Stock count');
      requireActsAt(caller, c.locationId);
      if (c.status !== S.OPEN) throw new BusinessError(ErrorCode.INVALID_STATE, `The count is ${c.status}`, ['id']);
      await work(c, staff);
      return this.get(c.id);
    });
  }

  private async close(id: string, status: S): Promise<void> {
    await this.tx.manager.query(`UPDATE stock_count SET status = $2, closed_at = now(), updated_at = now() WHERE id = $1`, [id, status]);
    await this.tx.manager.query(`UPDATE stock_count_line SET open = false WHERE count_id = $1`, [id]);
  }

  private async get(id: string): Promise<StockCount> {
    const [c] = await this.tx.manager.query<StockCount[]>(`SELECT ${COUNT_COLUMNS} FROM stock_count c WHERE c.id = $1`, [id]);
    return c;
  }

  private async variantsOf(skus: string[]): Promise<{ id: string; sku: string }[]> {
    const wanted = skus.map(normaliseSku);
    if (new Set(wanted).size !== wanted.length) throw badInput('Each SKU once per count', ['skus']);
    const found = await this.catalogue.findVariantsBySkus(wanted);
    return wanted.map((sku) => {
      const v = found.get(sku);
      if (!v) throw new BusinessError(ErrorCode.UNKNOWN_SKU, `No variant with SKU ${sku}`, ['skus']);
      return { id: v.id, sku: v.sku };
    });
  }

  /** Every variant the location has a level of (a whole-store count). */
  private async everyVariantAt(locationId: string): Promise<{ id: string; sku: string }[]> {
    const ids = await this.tx.manager.query<{ id: string }[]>(`SELECT variant_id AS id FROM stock_level WHERE location_id = $1`, [
      locationId,
    ]);
    return (await this.catalogue.findVariants(ids.map((r) => r.id))).map((v) => ({ id: v.id, sku: v.sku }));
  }
}
