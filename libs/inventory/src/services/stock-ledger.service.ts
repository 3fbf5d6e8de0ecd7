import { Injectable } from '@nestjs/common';
import { BusinessError, ErrorCode, EventBus, TransactionHost } from '@app/common';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { variantSql } from '@app/catalogue';
import { AvailabilityCache } from './availability-cache.js';

/** A level's states as a change left them; `available` is the generated column (docs/adr/0031-store-stock-states.md). */
export interface LevelRow {
  onHand: number;
  reserved: number;
  unsellable: number;
  safetyStock: number;
  incoming: number;
  available: number;
}

/** A change of a level's states (absent: unchanged). */
export interface StateDeltas {
  onHand?: number;
  reserved?: number;
  unsellable?: number;
  safetyStock?: number;
  incoming?: number;
}

const STATES = [
  ['onHand', 'on_hand'],
  ['reserved', 'reserved'],
  ['unsellable', 'unsellable'],
  ['safetyStock', 'safety_stock'],
  ['incoming', 'incoming'],
] as const;

/** The states of a level row, as RETURNING gives them. */
const levelColumns = (a: string) =>
  `${a}.on_hand AS "onHand", ${a}.reserved, ${a}.unsellable, ${a}.safety_stock AS "safetyStock", ${a}.incoming, ${a}.available`;

/** Published on `stock:<locationId>:<variantId>` after each committed change. */
/** The key of a stock level's events (`stock`), as stockChanged subscribes to them. */
export const stockKey = (locationId: string, variantId: string) => `${locationId}:${variantId}`;

export interface MovementMeta {
  type: StockMovementType;
  reason?: string | null;
  reference?: string | null;
  staffId?: string | null;
}

/**
 * The only writer of stock levels. Every change is one guarded statement (no read-modify-write, so
 * concurrent changes cannot lose updates or take a level below its constraints) that also writes its
 * movement, in the caller's transaction.
 */
@Injectable()
export class StockLedger {
  constructor(
    private readonly tx: TransactionHost,
    private readonly events: EventBus,
    private readonly availability: AvailabilityCache,
  ) {}

  /**
   * Changes on-hand by `delta`. A receipt creates the level if needed; a decrease never takes on-hand
   * below what is held and unsellable (INSUFFICIENT_STOCK otherwise, and nothing changes).
   */
  adjustOnHand(locationId: string, variantId: string, delta: number, meta: MovementMeta): Promise<LevelRow> {
    return this.tx.run(async () => {
      const level = await this.write(locationId, variantId, { onHand: delta }, meta, { create: delta > 0 });
      if (!level) {
        throw new BusinessError(ErrorCode.INSUFFICIENT_STOCK, `Cannot remove ${-delta}: fewer sellable units on hand`, ['delta']);
      }
      return level;
    });
  }

  /**
   * Holds `quantity` (an order, a transfer): one guarded UPDATE on `available`, so two checkouts can never
   * both take the last unit, nor a unit that is damaged or kept for walk-in shoppers. Returns false (and
   * changes nothing) when fewer are available.
   */
  async reserve(locationId: string, variantId: string, quantity: number, meta: MovementMeta): Promise<boolean> {
    return (
      (await this.write(locationId, variantId, { reserved: quantity }, meta, { guard: `available >= ${int(quantity)}` })) !== undefined
    );
  }

  /** Gives held units back to the shelf (cancellation, expiry). */
  async release(locationId: string, variantId: string, quantity: number, meta: MovementMeta): Promise<void> {
    await this.must(locationId, variantId, { reserved: -quantity }, meta);
  }

  /** Held units leave the location (shipped, handed to the customer, lost): on hand and held both fall. */
  async consume(locationId: string, variantId: string, quantity: number, meta: MovementMeta): Promise<void> {
    await this.must(locationId, variantId, { onHand: -quantity, reserved: -quantity }, meta);
  }

  /**
   * Units sent for a customer arrive at the pickup store, held for them there; `wasIncoming` when they were
   * counted incoming while on their way (shipped after incoming existed).
   */
  async receiveHeld(locationId: string, variantId: string, quantity: number, meta: MovementMeta, wasIncoming = false): Promise<void> {
    const d = { onHand: quantity, reserved: quantity, incoming: wasIncoming ? -quantity : 0 };
    if (!(await this.write(locationId, variantId, d, meta, { create: !wasIncoming }))) this.impossible(locationId, variantId, meta, d);
  }

  /** Units a customer brought back to the location: on sale again, or on hand as unsellable (`damaged`). */
  async returned(locationId: string, variantId: string, quantity: number, damaged: boolean, meta: MovementMeta): Promise<LevelRow> {
    const d = { onHand: quantity, unsellable: damaged ? quantity : 0 };
    return (await this.write(locationId, variantId, d, meta, { create: true })) ?? this.impossible(locationId, variantId, meta, d);
  }

  /** Units are on their way to the level (a transfer or a ship-to-store shipped): incoming, the level created if need be. */
  async expect(locationId: string, variantId: string, quantity: number, meta: MovementMeta): Promise<void> {
    await this.write(locationId, variantId, { incoming: quantity }, meta, { create: true });
  }

  /**
   * A guarded change of any states (marking units unsellable, a write-off, a transfer's arrival, a count),
   * refused (undefined, nothing written) when the level would break its constraints or `guard` (SQL on the
   * level's columns) does not hold.
   */
  change(locationId: string, variantId: string, d: StateDeltas, meta: MovementMeta, guard?: string): Promise<LevelRow | undefined> {
    return this.write(locationId, variantId, d, meta, { guard });
  }

  /**
   * Sets the level's safety stock (`explicit`: for this level, no longer following the location's default for
   * its category), creating the level if need be, with a movement of the difference. Returns the level.
   */
  async setSafetyStock(locationId: string, variantId: string, quantity: number, meta: MovementMeta, explicit = true): Promise<LevelRow> {
    return this.tx.run(async () => {
      const [current] = await this.tx.manager.query<{ safetyStock: number }[]>(
        `INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved) VALUES ($1, $2, 0, 0)
         ON CONFLICT (location_id, variant_id) DO UPDATE SET updated_at = sl.updated_at
         RETURNING safety_stock AS "safetyStock"`,
        [locationId, variantId],
      ); // the row is now locked by this transaction: the difference below is exact
      if (explicit)
        await this.tx.manager.query(`UPDATE stock_level SET safety_stock_set = true WHERE location_id = $1 AND variant_id = $2`, [
          locationId,
          variantId,
        ]);
      const diff = quantity - current.safetyStock;
      if (diff === 0) return this.read(locationId, variantId);
      return this.must(locationId, variantId, { safetyStock: diff }, meta);
    });
  }

  /**
   * Sets a location's default safety stock for a category and gives it to every level there of a product in
   * that category that has none of its own, each with its movement, in one statement. Returns how many changed.
   */
  async applySafetyDefault(locationId: string, category: string, quantity: number, meta: MovementMeta): Promise<number> {
    return this.tx.run(async () => {
      await this.tx.manager.query(
        `INSERT INTO stock_safety_default (location_id, category, quantity) VALUES ($1, $2, $3)
         ON CONFLICT (location_id, category) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()`,
        [locationId, category, quantity],
      );
      const rows: (LevelRow & { variantId: string })[] = await this.tx.manager.query(
        `WITH old AS (
           SELECT variant_id, safety_stock FROM stock_level
           WHERE location_id = $1 AND NOT safety_stock_set AND safety_stock <> $3 AND variant_id IN ${variantSql.idsInCategory('$2')}
           ORDER BY variant_id FOR UPDATE
         ), level AS (
           UPDATE stock_level sl SET safety_stock = $3, updated_at = now() FROM old
           WHERE sl.location_id = $1 AND sl.variant_id = old.variant_id
           RETURNING sl.variant_id AS "variantId", $3 - old.safety_stock AS delta, ${levelColumns('sl')}
         ), movement AS (
           INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, safety_stock_delta, reason, staff_id)
           SELECT $1, "variantId", $4::varchar, 0, 0, delta, $5::varchar, $6::uuid FROM level
         )
         SELECT "variantId", "onHand", reserved, unsellable, "safetyStock", incoming, available FROM level`,
        [locationId, category, quantity, meta.type, meta.reason ?? null, meta.staffId ?? null],
      );
      for (const { variantId, ...level } of rows) this.record(locationId, variantId, level);
      return rows.length;
    });
  }

  /**
   * Sets on hand to `onHand` (the retailer's systems count it), locking the level first: 'changed' when
   * `compareOnHand` is given and is not the current on hand, 'below' when it would take on hand below what is
   * held and unsellable; otherwise the difference is one movement (none when there is none).
   */
  async setOnHand(
    locationId: string,
    variantId: string,
    onHand: number,
    compareOnHand: number | null | undefined,
    meta: MovementMeta,
  ): Promise<'set' | 'changed' | 'below'> {
    return this.tx.run(async () => {
      const [cur] = await this.tx.manager.query<{ onHand: number; floor: number }[]>(
        `SELECT on_hand AS "onHand", reserved + unsellable AS floor FROM stock_level WHERE location_id = $1 AND variant_id = $2 FOR UPDATE`,
        [locationId, variantId],
      );
      const old = cur?.onHand ?? 0;
      if (compareOnHand !== null && compareOnHand !== undefined && compareOnHand !== old) return 'changed';
      if (onHand < (cur?.floor ?? 0)) return 'below';
      if (onHand !== old) await this.write(locationId, variantId, { onHand: onHand - old }, meta, { create: !cur });
      return 'set';
    });
  }

  /**
   * Sets many levels' on hand at once (a stock feed's batch), in one statement: each row locked, refused when it
   * would go below what is held and unsellable ('below'), unchanged when it is already so, else set with its
   * movement (SET). A row whose level changed between the read and the write (a level created meanwhile) is
   * not written ('retry'): the caller sets it alone. Rows must name distinct levels. Answers per row.
   */
  async setMany(
    rows: { locationId: string; variantId: string; onHand: number }[],
    meta: MovementMeta,
  ): Promise<('set' | 'same' | 'below' | 'retry')[]> {
    if (!rows.length) return [];
    return this.tx.run(async () => {
      const out: (LevelRow & { i: number; old: number; floor: number; written: boolean })[] = await this.tx.manager.query(
        `WITH input AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]) WITH ORDINALITY AS x(l, v, q, i)),
         cur AS (
           SELECT sl.location_id, sl.variant_id, sl.on_hand, sl.reserved + sl.unsellable AS floor
           FROM stock_level sl JOIN input ON sl.location_id = input.l AND sl.variant_id = input.v
           ORDER BY sl.location_id, sl.variant_id FOR UPDATE OF sl
         ),
         planned AS (
           SELECT input.i, input.l, input.v, input.q, COALESCE(cur.on_hand, 0) AS old, COALESCE(cur.floor, 0) AS floor, cur.on_hand IS NULL AS fresh
           FROM input LEFT JOIN cur ON cur.location_id = input.l AND cur.variant_id = input.v
         ),
         todo AS (SELECT * FROM planned WHERE q >= floor AND q <> old),
         written AS (
           INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved)
           SELECT l, v, q, 0 FROM todo ORDER BY l, v
           ON CONFLICT (location_id, variant_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = now()
             WHERE sl.on_hand = (SELECT t.old FROM todo t WHERE t.l = sl.location_id AND t.v = sl.variant_id AND NOT t.fresh)
           RETURNING sl.location_id, sl.variant_id, ${levelColumns('sl')}
         ),
         moved AS (
           INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, reason, reference, staff_id)
           SELECT t.l, t.v, $4::varchar, t.q - t.old, 0, $5::varchar, $6::varchar, $7::uuid
           FROM todo t JOIN written w ON w.location_id = t.l AND w.variant_id = t.v
         )
         SELECT p.i::int AS i, p.old, p.floor, w.location_id IS NOT NULL AS written,
                w."onHand", w.reserved, w.unsellable, w."safetyStock", w.incoming, w.available
         FROM planned p LEFT JOIN written w ON w.location_id = p.l AND w.variant_id = p.v ORDER BY p.i`,
        [
          rows.map((r) => r.locationId),
          rows.map((r) => r.variantId),
          rows.map((r) => r.onHand),
          meta.type,
          meta.reason ?? null,
          meta.reference ?? null,
          meta.staffId ?? null,
        ],
      );
      return out.map((o, k) => {
        const want = rows[k].onHand;
        if (want < o.floor) return 'below';
        if (want === o.old) return 'same';
        if (!o.written) return 'retry';
        const { onHand, reserved, unsellable, safetyStock, incoming, available } = o;
        this.record(rows[k].locationId, rows[k].variantId, { onHand, reserved, unsellable, safetyStock, incoming, available });
        return 'set';
      });
    });
  }

  /** The level as this transaction sees it (zeros when it was never stocked). */
  async read(locationId: string, variantId: string): Promise<LevelRow> {
    const [row] = await this.tx.manager.query<LevelRow[]>(
      `SELECT ${levelColumns('sl')} FROM stock_level sl WHERE sl.location_id = $1 AND sl.variant_id = $2`,
      [locationId, variantId],
    );
    return row ?? { onHand: 0, reserved: 0, unsellable: 0, safetyStock: 0, incoming: 0, available: 0 };
  }

  /** A change the order flow guarantees is possible; if the level disagrees, that is a bug, not a refusal. */
  private async must(locationId: string, variantId: string, d: StateDeltas, meta: MovementMeta): Promise<LevelRow> {
    return (await this.write(locationId, variantId, d, meta)) ?? this.impossible(locationId, variantId, meta, d);
  }

  private impossible(locationId: string, variantId: string, meta: MovementMeta, d: StateDeltas): never {
    throw new Error(`stock level ${locationId}/${variantId} cannot take ${meta.type} ${JSON.stringify(d)}`);
  }

  /**
   * One guarded INSERT or UPDATE of the level that writes its movement in the same statement, only when the
   * level changed: a round trip less per change than two statements (a checkout holds each line this way).
   * The guard is the level's constraints after the change (so a refusal is an answer, never a CHECK error)
   * plus `guard`. `create` (every delta >= 0) makes a level that does not exist yet, with the location's
   * default safety stock for the product's category (recorded in the movement). Undefined when refused.
   */
  private async write(
    locationId: string,
    variantId: string,
    d: StateDeltas,
    meta: MovementMeta,
    opts: { create?: boolean; guard?: string } = {},
  ): Promise<LevelRow | undefined> {
    const deltas = STATES.map(([key]) => int(d[key] ?? 0));
    const changed = STATES.filter((_, i) => deltas[i] !== 0);
    if (!changed.length && !opts.create) return this.read(locationId, variantId); // nothing to move: no movement either
    const p = (key: (typeof STATES)[number][0]) => `$${3 + STATES.findIndex(([k]) => k === key)}`;
    const col = (prefix: string) => (key: (typeof STATES)[number][0]) => `${prefix}${STATES.find(([k]) => k === key)![1]} + ${p(key)}`;
    const after = col('sl.');
    const guards = [
      `${after('reserved')} >= 0`,
      `${after('unsellable')} >= 0`,
      `${after('reserved')} + ${after('unsellable')} <= ${after('onHand')}`,
    ];
    if (d.safetyStock) guards.push(`${after('safetyStock')} >= 0`);
    if (d.incoming) guards.push(`${after('incoming')} >= 0`);
    if (opts.guard) guards.push(opts.guard.replace(/\b(available|on_hand|reserved|unsellable|safety_stock|incoming)\b/g, 'sl.$1'));
    const set = [...changed.map(([key, column]) => `${column} = ${after(key)}`), 'updated_at = now()'].join(', ');
    const levelSql = opts.create
      ? `INSERT INTO stock_level AS sl (location_id, variant_id, on_hand, reserved, unsellable, incoming, safety_stock)
         VALUES ($1, $2, $3, $4, $5, $7, COALESCE((SELECT d.quantity FROM stock_safety_default d
           WHERE d.location_id = $1 AND d.category = ${variantSql.categoryOf('$2::uuid')}), 0))
         ON CONFLICT (location_id, variant_id) DO UPDATE SET ${set} WHERE ${guards.join(' AND ')}
         RETURNING ${levelColumns('sl')}, (sl.xmax = 0) AS created`
      : `UPDATE stock_level AS sl SET ${set}
         WHERE location_id = $1 AND variant_id = $2 AND ${guards.join(' AND ')}
         RETURNING ${levelColumns('sl')}, false AS created`;
    const rows: (LevelRow & { created: boolean })[] = await this.tx.manager.query(
      `WITH level AS (${levelSql}),
       movement AS (INSERT INTO stock_movement (location_id, variant_id, type, on_hand_delta, reserved_delta, unsellable_delta,
           safety_stock_delta, incoming_delta, reason, reference, staff_id)
         SELECT $1, $2, $8::varchar, $3::int, $4::int, $5::int, CASE WHEN level.created THEN level."safetyStock" ELSE $6::int END, $7::int,
           $9::varchar, $10::varchar, $11::uuid
         FROM level)
       SELECT "onHand", reserved, unsellable, "safetyStock", incoming, available FROM level`,
      [locationId, variantId, ...deltas, meta.type, meta.reason ?? null, meta.reference ?? null, meta.staffId ?? null],
    );
    if (!rows.length) return undefined;
    this.record(locationId, variantId, rows[0]);
    return rows[0];
  }

  /**
   * Announces the new level once committed. PostgreSQL adds the change to the variant's totals
   * (variant_stock) at commit; the rows are locked here first, in variant order, so two commits touching
   * the same variants cannot wait on each other in a circle. The price: commits that change one
   * variant's stock (at any location) take turns on its totals row, for the commit's duration.
   */
  private record(locationId: string, variantId: string, level: LevelRow): void {
    this.tx.beforeCommit('variant-stock-locks', variantId, (ids) =>
      // One statement, rows in variant order: each is locked, or created at zero for a variant's first level
      // (so the trigger never inserts one out of order), then the trigger adds the deltas at commit.
      this.tx.manager
        .query(
          `INSERT INTO variant_stock AS vs (variant_id, on_hand, reserved) SELECT id, 0, 0 FROM unnest($1::uuid[]) AS id ORDER BY id
         ON CONFLICT (variant_id) DO UPDATE SET on_hand = vs.on_hand`,
          [[...new Set(ids)]],
        )
        .then(() => undefined),
    );
    this.events.publish('stock', { locationId, variantId, ...level }, stockKey(locationId, variantId));
    this.events.publish('stock-variant', { variantId }); // other processes' caches
    this.tx.afterCommit(() => this.availability.forget(variantId)); // this one's, before the answer goes out
  }
}

/** A whole number for SQL text or a parameter (the callers' quantities are validated integers; this keeps it so). */
function int(n: number): number {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer quantity: ${n}`);
  return n;
}
