import DataLoader from 'dataloader';

/** The per-request bag where loaders live, so batching never leaks data across requests. */
export interface HasLoaders {
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * The request's DataLoader for `key`, created on first use. `batch` receives the distinct keys of one
 * tick and returns a value (or null) for each, in order.
 */
export function loader<K, V>(ctx: HasLoaders, key: string, batch: (keys: readonly K[]) => Promise<(V | null)[]>): DataLoader<K, V | null> {
  let l = ctx.loaders.get(key) as DataLoader<K, V | null> | undefined;
  if (!l) {
    l = new DataLoader<K, V | null>(batch, { maxBatchSize: 500 });
    ctx.loaders.set(key, l);
  }
  return l;
}

/** Orders rows to match `keys` (DataLoader's contract), null where a key has no row. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows under each key, in row order; an empty list where a key has none. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
