import { Injectable } from '@nestjs/common';
import { decodeTimeCursor, encodeTimeCursor, epochMicrosSql, fromEpochMicrosSql, pageSize, TransactionHost } from '@app/common';

export interface DeliveryAttemptRow {
  id: string;
  eventId: string;
  eventType: string;
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  succeeded: boolean;
  micros: string;
}

export interface DeliveryAttemptPage {
  hasNextPage: boolean;
  rows: { cursor: string; attempt: DeliveryAttemptRow }[];
}

/** An endpoint's delivery log, newest attempt first: keyset over (attempted_at, id) on its index. */
@Injectable()
export class WebhookDeliveryLog {
  constructor(private readonly tx: TransactionHost) {}

  async page(endpointId: string, first: number, after?: string | null): Promise<DeliveryAttemptPage> {
    const limit = pageSize(first);
    const key = after ? decodeTimeCursor(after, 'bigint') : null;
    const params: unknown[] = [endpointId, limit + 1];
    const where = key
      ? `AND (a.attempted_at, a.id) < (${fromEpochMicrosSql(`$${params.push(key.micros)}`)}, $${params.push(key.id)}::bigint)`
      : '';
    const rows = await this.tx.manager.query<DeliveryAttemptRow[]>(
      `SELECT a.id::text, a.event_id AS "eventId", a.event_type AS "eventType", a.attempted_at AS "attemptedAt",
              a.status_code AS "statusCode", a.error, a.duration_ms AS "durationMs", a.succeeded, ${epochMicrosSql('a.attempted_at')} AS micros
         FROM webhook_delivery_attempt a
        WHERE a.endpoint_id = $1 ${where}
        ORDER BY a.attempted_at DESC, a.id DESC LIMIT $2`,
      params,
    );
    return {
      hasNextPage: rows.length > limit,
      rows: rows.slice(0, limit).map((attempt) => ({ cursor: encodeTimeCursor({ micros: attempt.micros, id: attempt.id }), attempt })),
    };
  }
}
