import { Injectable } from '@nestjs/common';
import { canActAt, type RequestContext, requireStaff, StaffRole, type StaffCaller } from '@app/auth';
import {
  decodeTimeCursor,
  encodeTimeCursor,
  epochMicrosSql,
  forbidden,
  fromEpochMicrosSql,
  pageSize,
  type TimeKey,
  TransactionHost,
} from '@app/common';
import type { OrderFilter } from '../dto/order-filter.input.js';
import { OrderEntity } from '../entities/order.entity.js';

export interface OrderPage {
  /** null when not asked for. */
  totalCount: number | null;
  hasNextPage: boolean;
  rows: { cursor: string; order: OrderEntity }[];
}

type Conditions = { where: string[]; params: unknown[] };

/**
 * Orders a page at a time, newest first: keyset over (created_at, id) on `IDX_order_created_id` (or the
 * customer's `IDX_order_customer_created_id`), so a page costs the rows it shows however deep it is, and a
 * cursor stays valid while new orders arrive. Plain SQL, the way the sales figures scope a store
 * (sold, sent or collected there).
 */
@Injectable()
export class OrderListing {
  private columns?: string;

  constructor(private readonly tx: TransactionHost) {}

  /**
   * The back office's list: staff see their own location's orders (FORBIDDEN when they name another),
   * admins every order or one location's.
   */
  list(ctx: RequestContext, first: number, after: string | undefined, filter: OrderFilter, totalCount: boolean): Promise<OrderPage> {
    const limit = pageSize(first);
    const key = after ? decodeTimeCursor(after, 'uuid') : null;
    const locationId = scopeOf(requireStaff(ctx.caller), filter.locationId);
    const c: Conditions = { where: [], params: [] };
    const p = (v: unknown) => `$${c.params.push(v)}`;
    if (locationId) {
      // Sold there (the store the sale counts for), sent from there or collected there.
      const l = p(locationId);
      c.where.push(`(o.attributed_location_id = ${l}::uuid
        OR o.id IN (SELECT order_id FROM fulfillment WHERE source_location_id = ${l}::uuid OR pickup_location_id = ${l}::uuid))`);
    }
    if (filter.channel) c.where.push(`o.channel = ${p(filter.channel)}`);
    if (filter.status) c.where.push(`o.status = ${p(filter.status)}`);
    if (filter.number !== undefined && filter.number !== null) c.where.push(`o.number = ${p(filter.number.trim())}`);
    if (filter.customerId) c.where.push(`o.customer_id = ${p(filter.customerId)}::uuid`);
    if (filter.createdFrom) c.where.push(`o.created_at >= ${p(filter.createdFrom)}`);
    if (filter.createdTo) c.where.push(`o.created_at < ${p(filter.createdTo)}`);
    return this.page(c, limit, key, totalCount);
  }

  /** A customer's orders from every channel, newest first (access is the caller's to check). */
  forCustomer(customerId: string, first: number, after: string | undefined, totalCount: boolean): Promise<OrderPage> {
    const limit = pageSize(first);
    const key = after ? decodeTimeCursor(after, 'uuid') : null;
    return this.page({ where: ['o.customer_id = $1::uuid'], params: [customerId] }, limit, key, totalCount);
  }

  private async page(c: Conditions, limit: number, key: TimeKey | null, counting: boolean): Promise<OrderPage> {
    const filtered = c.where.length ? `WHERE ${c.where.join(' AND ')}` : '';
    const params = [...c.params];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = [...c.where];
    if (key) where.push(`(o.created_at, o.id) < (${fromEpochMicrosSql(p(key.micros))}, ${p(key.id)}::uuid)`);
    const rows = await this.tx.manager.query<(OrderEntity & { micros: string })[]>(
      `SELECT ${this.orderColumns()}, ${epochMicrosSql('o.created_at')} AS micros FROM customer_order o
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY o.created_at DESC, o.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    let totalCount: number | null = null;
    if (counting) {
      const [row] = await this.tx.manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM customer_order o ${filtered}`, c.params);
      totalCount = row.n;
    }
    return {
      totalCount,
      hasNextPage: rows.length > limit,
      rows: rows.slice(0, limit).map(({ micros, ...order }) => ({
        cursor: encodeTimeCursor({ micros, id: order.id }),
        order: Object.assign(new OrderEntity(), order),
      })),
    };
  }

  /** Every column of OrderEntity under its property name, from the entity's metadata (a new column comes along). */
  private orderColumns(): string {
    return (this.columns ??= this.tx.manager.connection
      .getMetadata(OrderEntity)
      .columns.filter((col) => col.isSelect)
      .map((col) => `o.${col.databaseName} AS "${col.propertyName}"`)
      .join(', '));
  }
}

/** The location whose orders the caller lists: null for all (admins only). */
function scopeOf(staff: StaffCaller, locationId: string | undefined): string | null {
  if (staff.role === StaffRole.ADMIN) return locationId ?? null;
  if (locationId && !canActAt(staff, locationId)) throw forbidden('Staff see the orders of their own location only');
  if (!staff.locationId) throw forbidden('Staff without a location have no orders to list');
  return staff.locationId;
}
