import { type DocumentNode, Kind, type OperationDefinitionNode, OperationTypeNode, parse } from 'graphql';

/**
 * Root fields whose answers are the same for every caller and are asked again and again: catalogue pages
 * (first pages, popular searches, the next pages after them) and the categories of a shop's menu. Product pages by slug and storesNear around
 * a point almost never repeat within the TTL, so caching them only cost CPU; they are left out (ADR 0012).
 */
const PUBLIC_ROOTS = new Set(['products', 'categories', '__typename']);
const MAX_DOCUMENTS = 1_000;
/** Longer documents are not considered (nor their decision kept): 10 MB of texts at most. */
export const MAX_QUERY_LENGTH = 10_000;

export function isPublicQuery(op: OperationDefinitionNode): boolean {
  return (
    op.operation === OperationTypeNode.QUERY &&
    op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOTS.has(s.name.value))
  );
}

interface Decision {
  /** The document has exactly one operation and it is public. */
  sole: boolean;
  publicNames: Set<string>;
}

/**
 * Whether a request would run a public operation: decided once per document text and kept as that
 * decision only (the names of its public operations, or of its sole operation), not as the parsed
 * document, so many distinct documents cost their text and a few bytes each.
 */
export class PublicDocuments {
  private readonly documents = new Map<string, Decision>();

  constructor(private readonly maxTokens: number) {}

  isPublic(query: string, operationName: string | null): boolean {
    let d = this.documents.get(query);
    if (d === undefined) {
      d = decide(query, this.maxTokens);
      if (this.documents.size >= MAX_DOCUMENTS) this.documents.clear();
      this.documents.set(query, d);
    }
    return operationName === null ? d.sole : d.publicNames.has(operationName);
  }
}

function decide(query: string, maxTokens: number): Decision {
  let doc: DocumentNode;
  try {
    doc = parse(query, { maxTokens, noLocation: true });
  } catch {
    return { sole: false, publicNames: new Set() };
  }
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return {
    sole: ops.length === 1 && isPublicQuery(ops[0]),
    publicNames: new Set(ops.filter((o) => o.name && isPublicQuery(o)).map((o) => o.name!.value)),
  };
}
