import { type ASTNode, type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode, ValidationContext, type ValidationRule } from 'graphql';

/**
 * Refuses operations nested deeper than `max` fields (fragments followed), before any resolver runs.
 * A stop-gap until the full graphql-armor limits land; the depth counts fields, not wrappers.
 */
export function maxDepthRule(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const s of set.selections) {
        let d = 0;
        if (s.kind === Kind.FIELD) d = s.name.value.startsWith('__') ? 0 : 1 + depthOf(s.selectionSet, seen);
        else if (s.kind === Kind.INLINE_FRAGMENT) d = depthOf(s.selectionSet, seen);
        else if (!seen.has(s.name.value)) d = depthOf(fragments.get(s.name.value)?.selectionSet, new Set(seen).add(s.name.value));
        deepest = Math.max(deepest, d);
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) {
          // Apollo reports validation failures as GRAPHQL_VALIDATION_FAILED (HTTP 400).
          context.reportError(new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${max}`, { nodes: [node as ASTNode] }));
        }
      },
    };
  };
}
