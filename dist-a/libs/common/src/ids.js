const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** IDs are UUIDs; anything else cannot name a row (and must not reach a uuid column as a cast error). */
export const isUuid = (s) => typeof s === 'string' && UUID.test(s);
//# sourceMappingURL=ids.js.map