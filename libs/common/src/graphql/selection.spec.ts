import { describe, expect, it } from '@jest/globals';
import { type FieldNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { selects } from './selection.js';

/** The resolve info of the first root field of `query`, as far as `selects` reads it. */
function infoOf(query: string) {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selects', () => {
  it('follows a path of fields below the resolved one', () => {
    const info = infoOf('{ products(first: 1) { totalCount edges { node { id variants { sku } } } } }');
    expect(selects(info, 'totalCount')).toBe(true);
    expect(selects(info, 'edges', 'node', 'variants')).toBe(true);
    expect(selects(info, 'edges', 'node', 'variants', 'sku')).toBe(true);
    expect(selects(info, 'edges', 'node', 'name')).toBe(false);
    expect(selects(info, 'pageInfo')).toBe(false);
  });

  it('looks through inline fragments, named fragments and aliases', () => {
    const info = infoOf(`{ products(first: 1) { ...C edges { node { ... on Product { v: variants { sku } } } } } }
      fragment C on ProductConnection { ...D } fragment D on ProductConnection { totalCount }`);
    expect(selects(info, 'totalCount')).toBe(true);
    expect(selects(info, 'edges', 'node', 'variants')).toBe(true);
  });

  it('counts a field under @skip or @include as asked for (fetched and not sent, never missing)', () => {
    expect(selects(infoOf('{ products(first: 1) { totalCount @skip(if: true) } }'), 'totalCount')).toBe(true);
  });

  it('does not loop on fragments that spread each other', () => {
    const info = infoOf(
      '{ products(first: 1) { ...A } } fragment A on ProductConnection { ...B } fragment B on ProductConnection { ...A }',
    );
    expect(selects(info, 'totalCount')).toBe(false);
  });
});
