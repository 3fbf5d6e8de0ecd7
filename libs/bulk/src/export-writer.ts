import { once } from 'node:events';
import type { Response } from 'express';

/**
 * Writes an export to the response as it is read, a batch at a time (never the whole export in memory),
 * waiting for the client when its buffer is full. NDJSON: one object per line; CSV: a header, then rows.
 */
export class ExportWriter {
  private headerWritten = false;

  constructor(
    private readonly res: Response,
    private readonly format: 'ndjson' | 'csv',
    private readonly columns: string[],
  ) {
    res.status(200).setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
  }

  /** NDJSON writes `objects`; CSV writes `rows` (one or more per object, by `columns`). */
  async write(objects: unknown[], rows: Record<string, unknown>[]): Promise<void> {
    let chunk: string;
    if (this.format === 'ndjson') chunk = objects.map((o) => JSON.stringify(o)).join('\n') + (objects.length ? '\n' : '');
    else {
      const head = this.headerWritten ? '' : `${this.columns.join(',')}\n`;
      this.headerWritten = true;
      chunk = head + rows.map((r) => this.columns.map((c) => csvCell(r[c])).join(',') + '\n').join('');
    }
    if (chunk && !this.res.write(chunk)) await once(this.res, 'drain');
  }

  end(): void {
    if (this.format === 'csv' && !this.headerWritten) this.res.write(`${this.columns.join(',')}\n`);
    this.res.end();
  }
}

function csvCell(v: unknown): string {
  let s = '';
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = `${v}`;
  else if (v instanceof Date) s = v.toISOString();
  else if (v !== null && v !== undefined) s = JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The export's format: `?format=csv|ndjson`, else what Accept prefers (NDJSON by default). */
export function exportFormat(query: unknown, accept: string | undefined): 'ndjson' | 'csv' {
  if (query === 'csv' || query === 'ndjson') return query;
  return (accept ?? '').includes('text/csv') ? 'csv' : 'ndjson';
}
