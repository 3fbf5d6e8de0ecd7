import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Caller, canActAt, requireActsAt, requireStaff, type StaffCaller } from '@app/auth';
import { CatalogueService, normaliseSku } from '@app/catalogue';
import { badInput, BusinessError, ErrorCode, forbidden, isUuid, notFound, TransactionHost } from '@app/common';
import { LocationsService } from '@app/locations';
import { WebhookEventType, WebhookOutbox } from '@app/webhooks';
import { type MovementMeta, StockLedger } from '../services/stock-ledger.service.js';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import {
  MAX_TRANSFER_LINES,
  type Transfer,
  type TransferCreateInput,
  type TransferLineInput,
  TransferStatus as S,
} from './transfer.model.js';

interface TransferRow {
  id: string;
  number: string;
  status: S;
  fromLocationId: string;
  toLocationId: string;
  requestHash: string;
  createdAt: Date;
  shippedAt: Date | null;
  receivedAt: Date | null;
  cancelledAt: Date | null;
}

const TRANSFER_COLUMNS = `t.id, t.number, t.status, t.from_location_id AS "fromLocationId", t.to_location_id AS "toLocationId",
  t.request_hash AS "requestHash", t.created_at AS "createdAt", t.shipped_at AS "shippedAt", t.received_at AS "receivedAt",
  t.cancelled_at AS "cancelledAt"`;

/**
 * Stock sent between locations as a document (docs/adr/0031-store-stock-states.md): requested (held at the
 * source), shipped (out of the source, incoming at the destination), received (on hand there, what did not
 * arrive recorded as lost), or cancelled before it ships (the hold released). Each step locks the transfer
 * row, checks its status and writes its movements in one transaction; the holds are the ledger's guarded
 * reservations, so a transfer competes with checkouts for the same units and never oversells.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: StockLedger,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /** Staff of either end (or admins). The same key (per staff member) and request answer the same transfer. */
  async create(caller: Caller, input: TransferCreateInput): Promise<Transfer> {
    const staff = requireStaff(caller);
    if (!canActAt(staff, input.fromLocationId) && !canActAt(staff, input.toLocationId))
      throw forbidden('Staff request transfers from or to their own location');
    if (input.fromLocationId === input.toLocationId) throw badInput('A transfer goes to another location', ['toLocationId']);
    if (input.lines.some((l) => l.quantity < 1)) throw badInput('Each line sends at least 1 unit', ['lines']);
    const lines = await this.variantsOf(input.lines);
    const [from, to] = await Promise.all([this.locations.find(input.fromLocationId), this.locations.find(input.toLocationId)]);
    if (!from) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['fromLocationId']);
    if (!to) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['toLocationId']);
    const hash = requestHash(input.fromLocationId, input.toLocationId, lines);

    return this.tx.run(async () => {
      // A concurrent request with the same key waits here for the first to commit (or roll back), then finds it.
      const [created] = await this.tx.manager.query<{ id: string; number: string }[]>(
        `INSERT INTO stock_transfer (from_location_id, to_location_id, idempotency_key, request_hash, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (created_by, idempotency_key) DO NOTHING RETURNING id, number`,
        [from.id, to.id, input.idempotencyKey, hash, staff.staffId],
      );
      if (!created) {
        const [again] = await this.tx.manager.query<TransferRow[]>(
          `SELECT ${TRANSFER_COLUMNS} FROM stock_transfer t WHERE t.created_by = $1 AND t.idempotency_key = $2`,
          [staff.staffId, input.idempotencyKey],
        );
        if (again.requestHash !== hash)
          throw new BusinessError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotencyKey requested another transfer', ['idempotencyKey']);
        return this.view(again);
      }
      const sorted = [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId)); // one lock order: no deadlock between transfers
      await this.tx.manager.query(
        `INSERT INTO stock_transfer_line (transfer_id, variant_id, position, quantity)
         SELECT $1, v, p, q FROM unnest($2::uuid[], $3::int[], $4::int[]) AS x(v, p, q)`,
        [created.id, lines.map((l) => l.variantId), lines.map((_, i) => i), lines.map((l) => l.quantity)],
      );
      const meta = this.meta(StockMovementType.RESERVATION, created.number, staff, 'TRANSFER');
      for (const l of sorted)
        if (!(await this.ledger.reserve(from.id, l.variantId, l.quantity, meta)))
          throw new BusinessError(ErrorCode.INSUFFICIENT_STOCK, `${from.code} cannot send ${l.quantity} of ${l.sku}: fewer available`, [
            'lines',
          ]);
      await this.announce(created.id, created.number, S.REQUESTED);
      return this.get(created.id);
    });
  }

  /** Staff of the source (or admins): the units leave, incoming at the destination. */
  ship(caller: Caller, id: string): Promise<Transfer> {
    return this.step(caller, id, 'from', [S.REQUESTED], async (t, lines, staff) => {
      const out = this.meta(StockMovementType.TRANSFER_OUT, t.number, staff);
      const coming = this.meta(StockMovementType.IN_TRANSIT, t.number, staff);
      for (const l of lines) await this.ledger.consume(t.fromLocationId, l.variantId, l.quantity, out);
      for (const l of lines) await this.ledger.expect(t.toLocationId, l.variantId, l.quantity, coming);
      await this.tx.manager.query(`UPDATE stock_transfer SET status = $2, shipped_at = now(), updated_at = now() WHERE id = $1`, [
        t.id,
        S.IN_TRANSIT,
      ]);
    });
  }

  /**
   * Staff of the destination (or admins): what arrived (by SKU; a SKU left out arrived not at all) goes on
   * hand there; the rest is recorded as lost in transit. NOT_IN_DOCUMENT for a SKU the transfer does not
   * hold or more units than it sent.
   */
  receive(caller: Caller, id: string, arrived: TransferLineInput[]): Promise<Transfer> {
    if (arrived.length > MAX_TRANSFER_LINES) throw badInput(`At most ${MAX_TRANSFER_LINES} lines`, ['lines']);
    return this.step(caller, id, 'to', [S.IN_TRANSIT], async (t, lines, staff) => {
      const got = new Map<string, number>();
      for (const a of arrived) {
        const sku = normaliseSku(a.sku);
        const line = lines.find((l) => l.sku === sku);
        if (!line) throw new BusinessError(ErrorCode.NOT_IN_DOCUMENT, `Transfer ${t.number} holds no ${a.sku}`, ['lines']);
        got.set(line.variantId, (got.get(line.variantId) ?? 0) + a.quantity);
        if (got.get(line.variantId)! > line.quantity)
          throw new BusinessError(ErrorCode.NOT_IN_DOCUMENT, `Transfer ${t.number} sent ${line.quantity} of ${line.sku}`, ['lines']);
      }
      for (const l of lines) {
        const received = got.get(l.variantId) ?? 0;
        if (received > 0)
          await this.must(
            t.toLocationId,
            l.variantId,
            { onHand: received, incoming: -received },
            this.meta(StockMovementType.TRANSFER_IN, t.number, staff),
          );
        if (received < l.quantity)
          await this.must(
            t.toLocationId,
            l.variantId,
            { incoming: received - l.quantity },
            this.meta(StockMovementType.LOST_IN_TRANSIT, t.number, staff),
          );
      }
      await this.tx.manager.query(
        `UPDATE stock_transfer_line SET received = COALESCE((SELECT r FROM unnest($2::uuid[], $3::int[]) AS x(v, r) WHERE v = variant_id), 0)
         WHERE transfer_id = $1`,
        [t.id, [...got.keys()], [...got.values()]],
      );
      await this.tx.manager.query(`UPDATE stock_transfer SET status = $2, received_at = now(), updated_at = now() WHERE id = $1`, [
        t.id,
        S.RECEIVED,
      ]);
    });
  }

  /** Staff of either end (or admins), before it ships: the hold at the source is released. */
  cancel(caller: Caller, id: string): Promise<Transfer> {
    return this.step(caller, id, 'either', [S.REQUESTED], async (t, lines, staff) => {
      const meta = this.meta(StockMovementType.RELEASE, t.number, staff, 'TRANSFER_CANCELLED');
      for (const l of lines) await this.ledger.release(t.fromLocationId, l.variantId, l.quantity, meta);
      await this.tx.manager.query(`UPDATE stock_transfer SET status = $2, cancelled_at = now(), updated_at = now() WHERE id = $1`, [
        t.id,
        S.CANCELLED,
      ]);
    });
  }

  /** Transfers from or to a location, newest first (staff of that location, or admins). */
  async list(caller: Caller, locationId: string, status: S | null, first: number): Promise<Transfer[]> {
    if (!isUuid(locationId)) throw badInput('locationId must be a location id', ['locationId']);
    requireActsAt(caller, locationId);
    const rows = await this.tx.manager.query<TransferRow[]>(
      `SELECT ${TRANSFER_COLUMNS} FROM (
         (SELECT * FROM stock_transfer WHERE from_location_id = $1 AND ($2::varchar IS NULL OR status = $2) ORDER BY created_at DESC LIMIT $3)
         UNION ALL
         (SELECT * FROM stock_transfer WHERE to_location_id = $1 AND ($2::varchar IS NULL OR status = $2) ORDER BY created_at DESC LIMIT $3)
       ) t ORDER BY t.created_at DESC, t.id LIMIT $3`,
      [locationId, status, first],
    );
    return Promise.all(rows.map((r) => this.view(r)));
  }

  /** One transfer, for staff of either end (or admins); null when there is none. */
  async find(caller: Caller, id: string): Promise<Transfer | null> {
    const staff = requireStaff(caller);
    if (!isUuid(id)) return null;
    const t = await this.get(id).catch(() => null);
    if (t && !canActAt(staff, t.fromLocationId) && !canActAt(staff, t.toLocationId))
      throw forbidden('Staff see the transfers of their location');
    return t;
  }

  /**
   * One step of a transfer in a transaction: the row locked, the acting end checked (`who`), the status one of
   * `from` (else INVALID_STATE), then `work` with its lines in variant order.
   */
  private step(
    caller: Caller,
    id: string,
    who: 'from' | 'to' | 'either',
    from: S[],
    work: (t: TransferRow, lines: TransferLineRow[], staff: StaffCaller) => Promise<void>,
  ): Promise<Transfer> {
    const staff = requireStaff(caller);
    if (!isUuid(id)) throw notFound('Transfer');
    return this.tx.run(async () => {
      const [t] = await this.tx.manager.query<TransferRow[]>(
        `SELECT ${TRANSFER_COLUMNS} FROM stock_transfer t WHERE t.id = $1 FOR UPDATE`,
        [id],
      );
      if (!t) throw notFound('Transfer');
      const allowed =
        who === 'from'
          ? canActAt(staff, t.fromLocationId)
          : who === 'to'
            ? canActAt(staff, t.toLocationId)
            : canActAt(staff, t.fromLocationId) || canActAt(staff, t.toLocationId);
      if (!allowed)
        throw forbidden(
          who === 'from'
            ? 'Staff of the source ship a transfer'
            : who === 'to'
              ? 'Staff of the destination receive it'
              : 'Staff of either end',
        );
      if (!from.includes(t.status)) throw new BusinessError(ErrorCode.INVALID_STATE, `Transfer ${t.number} is ${t.status}`, ['id']);
      await work(t, await this.lines(t.id), staff);
      const after = await this.get(t.id);
      await this.announce(t.id, t.number, after.status);
      return after;
    });
  }

  /** TRANSFER_UPDATED to the retailer's systems, in the step's transaction (the transfer's row is held, so events keep their order). */
  private announce(transferId: string, number: string, status: S): Promise<void> {
    return this.webhooks.emit(WebhookEventType.TRANSFER_UPDATED, { transferId, transferNumber: number, status });
  }

  private async must(locationId: string, variantId: string, d: { onHand?: number; incoming: number }, meta: MovementMeta): Promise<void> {
    if (!(await this.ledger.change(locationId, variantId, d, meta)))
      throw new Error(`transfer level ${locationId}/${variantId} refused ${meta.type}`);
  }

  private meta(type: StockMovementType, number: string, staff: StaffCaller, reason: string | null = null): MovementMeta {
    return { type, reference: number, reason, staffId: staff.staffId };
  }

  private async variantsOf(lines: TransferLineInput[]): Promise<{ variantId: string; sku: string; quantity: number }[]> {
    const skus = lines.map((l) => normaliseSku(l.sku));
    if (new Set(skus).size !== skus.length) throw badInput('Each SKU once per transfer', ['lines']);
    const variants = await this.catalogue.findVariantsBySkus(skus);
    return lines.map((l, i) => {
      const v = variants.get(skus[i]);
      if (!v) throw new BusinessError(ErrorCode.UNKNOWN_SKU, `No variant with SKU ${l.sku}`, ['lines']);
      return { variantId: v.id, sku: v.sku, quantity: l.quantity };
    });
  }

  /** The lines of a transfer with their SKUs (the catalogue's), in `order`. */
  private async lines(transferId: string, order: 'variant_id' | 'position' = 'variant_id'): Promise<TransferLineRow[]> {
    const rows = await this.tx.manager.query<Omit<TransferLineRow, 'sku'>[]>(
      `SELECT variant_id AS "variantId", quantity, received FROM stock_transfer_line WHERE transfer_id = $1 ORDER BY ${order}`,
      [transferId],
    );
    const skus = new Map((await this.catalogue.findVariants(rows.map((r) => r.variantId))).map((v) => [v.id, v.sku]));
    return rows.map((r) => ({ ...r, sku: skus.get(r.variantId) ?? '' }));
  }

  private async get(id: string): Promise<Transfer> {
    const [t] = await this.tx.manager.query<TransferRow[]>(`SELECT ${TRANSFER_COLUMNS} FROM stock_transfer t WHERE t.id = $1`, [id]);
    if (!t) throw notFound('Transfer');
    return this.view(t);
  }

  private async view(t: TransferRow): Promise<Transfer> {
    const { requestHash: _, ...rest } = t;
    return { ...rest, lines: await this.lines(t.id, 'position') };
  }
}

interface TransferLineRow {
  variantId: string;
  sku: string;
  quantity: number;
  received: number | null;
}

/** What a request asks for, so a key reused for another request is told apart from a retry. */
function requestHash(from: string, to: string, lines: { variantId: string; quantity: number }[]): string {
  const canonical = [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId)).map((l) => `${l.variantId}:${l.quantity}`);
  return createHash('sha256')
    .update(`${from}>${to}|${canonical.join(',')}`)
    .digest('hex');
}
