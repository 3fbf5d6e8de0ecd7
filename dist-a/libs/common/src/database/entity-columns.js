const lists = new Map();
/**
 * `"column" AS "property", …` for every column of an entity (prefixed with `alias.` when given), so a
 * plain SQL read returns plain objects shaped like the entity. For hot paths, where TypeORM's query
 * building and hydration cost more CPU than the statement itself; the entity stays the one description
 * of the columns.
 */
export function entityColumns(em, entity, alias) {
    let byAlias = lists.get(entity);
    if (!byAlias)
        lists.set(entity, (byAlias = new Map()));
    let list = byAlias.get(alias ?? '');
    if (!list) {
        const prefix = alias ? `${alias}.` : '';
        list = em.connection.getMetadata(entity).columns.map((c) => `${prefix}"${c.databaseName}" AS "${c.propertyName}"`).join(', ');
        byAlias.set(alias ?? '', list);
    }
    return list;
}
//# sourceMappingURL=entity-columns.js.map