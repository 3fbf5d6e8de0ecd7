import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/common';

/** Every action the log knows. Stable names: a later `auditLog` query shows them to admins. */
export const AuditAction = {
  PRODUCT_CREATED: 'PRODUCT_CREATED',
  PRODUCT_UPDATED: 'PRODUCT_UPDATED',
  PRODUCT_ARCHIVED: 'PRODUCT_ARCHIVED',
  PRODUCT_UNARCHIVED: 'PRODUCT_UNARCHIVED',
  VARIANTS_ADDED: 'VARIANTS_ADDED',
  VARIANT_UPDATED: 'VARIANT_UPDATED',
  PICKUP_UNLOCKED: 'PICKUP_UNLOCKED',
  STAFF_UPDATED: 'STAFF_UPDATED',
  STAFF_DEACTIVATED: 'STAFF_DEACTIVATED',
  STOCK_ADJUSTED: 'STOCK_ADJUSTED',
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
}
