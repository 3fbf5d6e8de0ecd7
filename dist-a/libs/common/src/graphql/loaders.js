import DataLoader from 'dataloader';
/**
 * The request's DataLoader for `key`, created on first use. `batch` receives the distinct keys of one
 * tick and returns a value (or null) for each, in order.
 */
export function loader(ctx, key, batch) {
    let l = ctx.loaders.get(key);
    if (!l) {
        l = new DataLoader(batch, { maxBatchSize: 500 });
        ctx.loaders.set(key, l);
    }
    return l;
}
/** Orders rows to match `keys` (DataLoader's contract), null where a key has no row. */
export function byKeys(keys, rows, keyOf) {
    const map = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => map.get(k) ?? null);
}
/** Groups rows under each key, in row order; an empty list where a key has none. */
export function groupByKeys(keys, rows, keyOf) {
    const map = new Map();
    for (const r of rows) {
        const k = keyOf(r);
        const list = map.get(k);
        if (list)
            list.push(r);
        else
            map.set(k, [r]);
    }
    return keys.map((k) => map.get(k) ?? []);
}
//# sourceMappingURL=loaders.js.map