import { Injectable } from '@nestjs/common';
import { badInput, isUuid, pageSize, TransactionHost } from '@app/common';
import { AuditEntryEntity } from '../entities/audit-entry.entity.js';

/** Every action the log knows. Stable names: the `auditLog` query shows them to admins. */
export const AuditAction = {
  PRODUCT_CREATED: 'PRODUCT_CREATED',
  PRODUCT_UPDATED: 'PRODUCT_UPDATED',
  PRODUCT_ARCHIVED: 'PRODUCT_ARCHIVED',
  PRODUCT_UNARCHIVED: 'PRODUCT_UNARCHIVED',
  VARIANTS_ADDED: 'VARIANTS_ADDED',
  VARIANT_UPDATED: 'VARIANT_UPDATED',
  PICKUP_UNLOCKED: 'PICKUP_UNLOCKED',
  STAFF_CREATED: 'STAFF_CREATED',
  STAFF_UPDATED: 'STAFF_UPDATED',
  STAFF_DEACTIVATED: 'STAFF_DEACTIVATED',
  STOCK_ADJUSTED: 'STOCK_ADJUSTED',
  STOCK_STATE_CHANGED: 'STOCK_STATE_CHANGED',
  SAFETY_STOCK_DEFAULT_SET: 'SAFETY_STOCK_DEFAULT_SET',
  STOCK_COUNT_APPLIED: 'STOCK_COUNT_APPLIED',
  LOCATION_CREATED: 'LOCATION_CREATED',
  LOCATION_UPDATED: 'LOCATION_UPDATED',
  PROMOTION_CREATED: 'PROMOTION_CREATED',
  PROMOTION_UPDATED: 'PROMOTION_UPDATED',
  CUSTOMER_UPDATED: 'CUSTOMER_UPDATED',
  CUSTOMER_ERASED: 'CUSTOMER_ERASED',
  WEBHOOK_ENDPOINT_CREATED: 'WEBHOOK_ENDPOINT_CREATED',
  WEBHOOK_ENDPOINT_UPDATED: 'WEBHOOK_ENDPOINT_UPDATED',
  WEBHOOK_ENDPOINT_DELETED: 'WEBHOOK_ENDPOINT_DELETED',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export interface AuditRecord {
  action: AuditAction;
  staffId: string | null;
  subjectType: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditQuery {
  first: number;
  /** The id of the last entry of the previous page: entries older than it. */
  after?: string | null;
  action?: string | null;
  subjectId?: string | null;
}

/** What an erased subject's entries say instead of the values they held. */
export const ERASED_VALUE = '[erased]';

/**
 * Who did what to what. An entry is written in the transaction of the change it records, so the two
 * commit or roll back together: no entry for a change that did not happen, no change without its entry.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly tx: TransactionHost) {}

  async record(r: AuditRecord): Promise<void> {
    // Outside a transaction the entry would commit on its own, whatever became of the change.
    if (!this.tx.inTransaction) throw new Error('AuditLog.record runs inside the transaction of the change it records');
    await this.tx.manager.query(
      `INSERT INTO audit_entry (action, staff_id, subject_type, subject_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)`,
      [r.action, r.staffId, r.subjectType, r.subjectId, r.before && JSON.stringify(r.before), r.after && JSON.stringify(r.after)],
    );
  }

  /**
   * Newest first (by when the change committed's transaction began, then id). `after` is the id of the
   * last entry already read; an unknown id is BAD_USER_INPUT rather than an empty page.
   */
  async list(q: AuditQuery): Promise<AuditEntryEntity[]> {
    const first = pageSize(q.first);
    const params: unknown[] = [first];
    const where: string[] = [];
    if (q.after !== undefined && q.after !== null) {
      if (!isUuid(q.after)) throw badInput('after: the id of an audit entry', ['after']);
      const [known] = await this.tx.manager.query<{ id: string }[]>(`SELECT id FROM audit_entry WHERE id = $1`, [q.after]);
      if (!known) throw badInput('after: no such audit entry', ['after']);
      params.push(q.after);
      where.push(`(e.created_at, e.id) < (SELECT created_at, id FROM audit_entry WHERE id = $${params.length})`);
    }
    if (q.action) {
      params.push(q.action);
      where.push(`e.action = $${params.length}`);
    }
    if (q.subjectId) {
      params.push(q.subjectId);
      where.push(`e.subject_id = $${params.length}`);
    }
    const rows = await this.tx.manager.query<Record<string, unknown>[]>(
      `SELECT e.id, e.action, e.staff_id AS "staffId", e.subject_type AS "subjectType", e.subject_id AS "subjectId",
              e.before, e.after, e.created_at AS "createdAt"
         FROM audit_entry e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.created_at DESC, e.id DESC LIMIT $1`,
      params,
    );
    return rows.map((r) => Object.assign(new AuditEntryEntity(), r));
  }

  /**
   * The right to erasure reaches the log too: every entry about this subject keeps its action, who and
   * when, but the values it held (a name, a phone number) become ERASED_VALUE, key by key. In the
   * caller's transaction (the erasure's).
   */
  async redactSubject(subjectType: string, subjectId: string): Promise<void> {
    if (!this.tx.inTransaction) throw new Error('AuditLog.redactSubject runs inside the transaction of the erasure');
    await this.tx.manager.query(
      `UPDATE audit_entry
          SET before = (SELECT jsonb_object_agg(k, to_jsonb($3::text)) FROM jsonb_object_keys(before) k),
              after = (SELECT jsonb_object_agg(k, to_jsonb($3::text)) FROM jsonb_object_keys(after) k)
        WHERE subject_type = $1 AND subject_id = $2`,
      [subjectType, subjectId, ERASED_VALUE],
    );
  }
}
