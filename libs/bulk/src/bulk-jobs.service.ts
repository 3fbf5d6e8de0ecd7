import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/common';
import type { BulkJob, BulkRowError } from './bulk-job.model.js';
import type { FeedFormat } from './feed-rows.js';

/** Errors a job keeps: enough to fix a feed, bounded whatever its size. */
export const MAX_KEPT_ERRORS = 1000;

export interface JobRow extends BulkJob {
  format: FeedFormat;
  filePath: string;
  contentHash: string;
  checkpoint: number;
  createdBy: string;
}

const COLUMNS = `id, kind, format, status, file_path AS "filePath", content_hash AS "contentHash", rows_read AS "rowsRead",
  rows_applied AS "rowsApplied", rows_failed AS "rowsFailed", checkpoint, errors, message, created_by AS "createdBy"`;

/** Lease on a job while a process applies it: renewed by each batch; a process that died lets it go. */
const LEASE_S = 60;

/** The bulk_job rows: created, claimed, advanced batch by batch (in the batch's transaction), finished. */
@Injectable()
export class BulkJobs {
  constructor(private readonly tx: TransactionHost) {}

  async create(j: { kind: string; format: FeedFormat; filePath: string; contentHash: string; createdBy: string }): Promise<string> {
    const [{ id }] = await this.tx.manager.query<{ id: string }[]>(
      `INSERT INTO bulk_job (kind, format, file_path, content_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [j.kind, j.format, j.filePath, j.contentHash, j.createdBy],
    );
    return id;
  }

  async get(id: string): Promise<JobRow | null> {
    const [j] = await this.tx.manager.query<JobRow[]>(`SELECT ${COLUMNS} FROM bulk_job WHERE id = $1`, [id]);
    return j ?? null;
  }

  /** A completed job of the same kind and content: a feed sent twice is applied once. */
  async sameFeedDone(kind: string, contentHash: string, except: string): Promise<string | null> {
    const [j] = await this.tx.manager.query<{ id: string }[]>(
      `SELECT id FROM bulk_job WHERE kind = $1 AND content_hash = $2 AND status = 'COMPLETED' AND id <> $3 LIMIT 1`,
      [kind, contentHash, except],
    );
    return j?.id ?? null;
  }

  /** Takes the job for this process (QUEUED, or RUNNING with a lapsed lease); null when another process has it. */
  async claim(id: string): Promise<JobRow | null> {
    const [j] = await this.tx.manager.query<JobRow[]>(
      `WITH c AS (UPDATE bulk_job SET status = 'RUNNING', lease_until = now() + make_interval(secs => $2), updated_at = now()
         WHERE id = $1 AND (status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < now())) RETURNING *)
       SELECT ${COLUMNS} FROM c`,
      [id, LEASE_S],
    );
    return j ?? null;
  }

  /** Jobs left open by a process that stopped (their lease lapsed), and new ones nobody took: to resume. */
  async abandoned(): Promise<string[]> {
    const rows = await this.tx.manager.query<{ id: string }[]>(
      `SELECT id FROM bulk_job WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < now()) ORDER BY created_at LIMIT 20`,
    );
    return rows.map((r) => r.id);
  }

  /** In the batch's transaction: what the batch read, applied and refused, and the last line it covered. */
  async advance(id: string, b: { read: number; applied: number; failed: BulkRowError[]; lastLine: number }): Promise<void> {
    await this.tx.manager.query(
      `UPDATE bulk_job SET rows_read = rows_read + $2, rows_applied = rows_applied + $3, rows_failed = rows_failed + $4, checkpoint = $5,
         errors = CASE WHEN jsonb_array_length(errors) >= $7 THEN errors
                       ELSE errors || (SELECT COALESCE(jsonb_agg(e), '[]') FROM (SELECT e FROM jsonb_array_elements($6::jsonb) e LIMIT $7 - jsonb_array_length(errors)) x) END,
         lease_until = now() + make_interval(secs => $8), updated_at = now()
       WHERE id = $1`,
      [id, b.read, b.applied, b.failed.length, b.lastLine, JSON.stringify(b.failed), MAX_KEPT_ERRORS, LEASE_S],
    );
  }

  async finish(id: string, status: 'COMPLETED' | 'FAILED', message: string | null = null): Promise<void> {
    await this.tx.manager.query(
      `UPDATE bulk_job SET status = $2, message = $3, lease_until = NULL, finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, message],
    );
  }
}
