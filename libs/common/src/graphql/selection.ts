import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

type Selected = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** The fields named `name` directly in these selection sets, looking through inline fragments and fragment spreads. */
function fieldsNamed(
  sets: readonly SelectionSetNode[],
  name: string,
  fragments: Selected['fragments'],
  out: FieldNode[] = [],
  seen = new Set<string>(),
): FieldNode[] {
  for (const set of sets) {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === name) out.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        fieldsNamed([s.selectionSet], name, fragments, out, seen);
      } else if (!seen.has(s.name.value) && fragments[s.name.value]) {
        seen.add(s.name.value);
        fieldsNamed([fragments[s.name.value].selectionSet], name, fragments, out, seen);
      }
    }
  }
  return out;
}

/**
 * Whether the operation asks for the field at `path` below the field being resolved
 * (`selects(info, 'edges', 'node', 'variants')`), so a resolver can fetch it with its own rows instead of
 * in a second round trip. @skip and @include are not evaluated: a field they leave out still counts as
 * asked for, so the answer is at worst fetched and not sent, never missing.
 */
export function selects(info: Selected, ...path: string[]): boolean {
  let sets = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const name of path) {
    const found = fieldsNamed(sets, name, info.fragments);
    if (!found.length) return false;
    sets = found.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  }
  return true;
}
