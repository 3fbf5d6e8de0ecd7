/** One row of a stock feed as read from its line: what it says, or why it cannot be read. */
export type StockRow = { line: number; sku: string; location: string; onHand: number } | { line: number; error: string };

export type FeedFormat = 'CSV' | 'NDJSON';

/** The feed's format from its Content-Type, or null for one we do not read. */
export function formatOf(contentType: string | undefined): FeedFormat | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') return 'CSV';
  if (type === 'application/x-ndjson' || type === 'application/ndjson') return 'NDJSON';
  return null;
}

/**
 * Reads one line of a stock feed (`sku,location,onHand` after a header line in CSV; `{ "sku", "location",
 * "onHand" }` per line in NDJSON). Blank lines are skipped (null). A line that says nothing readable is an
 * error row, named by its line number, and never stops the feed.
 */
export function parseStockLine(format: FeedFormat, text: string, line: number, columns: string[] | null): StockRow | null {
  const raw = text.replace(/\r$/, '');
  if (!raw.trim()) return null;
  let sku: unknown;
  let location: unknown;
  let onHand: unknown;
  if (format === 'NDJSON') {
    try {
      const o = JSON.parse(raw) as Record<string, unknown>;
      ({ sku, location, onHand } = o ?? {});
    } catch {
      return { line, error: 'not a JSON object' };
    }
  } else {
    const cells = splitCsv(raw);
    const at = (name: string) => cells[(columns ?? ['sku', 'location', 'onhand']).indexOf(name)];
    sku = at('sku');
    location = at('location');
    onHand = at('onhand') === undefined || at('onhand') === '' ? undefined : Number(at('onhand'));
  }
  if (typeof sku !== 'string' || !sku.trim() || sku.length > 64) return { line, error: 'sku missing or longer than 64 characters' };
  if (typeof location !== 'string' || !location.trim()) return { line, error: `${sku}: location code missing` };
  if (typeof onHand !== 'number' || !Number.isInteger(onHand) || onHand < 0 || onHand > 1_000_000)
    return { line, error: `${sku}: onHand must be a whole number from 0 to 1000000` };
  return { line, sku: sku.trim().toUpperCase(), location: location.trim().toUpperCase(), onHand };
}

/** The column names of a CSV header line, lower-cased; null when it lacks one of the three. */
export function csvColumns(header: string): string[] | null {
  const cols = splitCsv(header.replace(/^\uFEFF/, '').replace(/\r$/, '')).map((c) => c.trim().toLowerCase());
  return ['sku', 'location', 'onhand'].every((c) => cols.includes(c)) ? cols : null;
}

/** RFC 4180 fields of one line: commas, and double quotes around a field that holds them. */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}
