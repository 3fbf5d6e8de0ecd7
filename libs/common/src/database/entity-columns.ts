import type { EntityManager, EntityTarget } from 'typeorm';

const lists = new Map<unknown, Map<string, string>>();

/**
 * `"column" AS "property", …` for every column of an entity (prefixed with `alias.` when given), so a
 * plain SQL read returns plain objects shaped like the entity. For hot paths, where TypeORM's query
 * building and hydration cost more CPU than the statement itself; the entity stays the one description
 * of the columns.
 */
export function entityColumns(em: EntityManager, entity: EntityTarget<unknown>, alias?: string): string {
  let byAlias = lists.get(entity);
  if (!byAlias) lists.set(entity, (byAlias = new Map<string, string>()));
  let list = byAlias.get(alias ?? '');
  if (!list) {
    const prefix = alias ? `${alias}.` : '';
    list = em.connection
      .getMetadata(entity)
      .columns.map((c) => `${prefix}"${c.databaseName}" AS "${c.propertyName}"`)
      .join(', ');
    byAlias.set(alias ?? '', list);
  }
  return list;
}
