import { type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { BREAK, type DocumentNode, Kind, type OperationDefinitionNode, OperationTypeNode, visit } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { type Counter } from 'prom-client';

/**
 * Root fields of the public read path. They only read, so a query that fails compiled can safely run
 * again on graphql-js (below), and their documents are few and asked again and again.
 */
const COMPILED_ROOTS = new Set(['products', 'product', 'variant', 'storesNear', 'location', 'locations', '__typename']);
/** Uses of one parsed document before it is compiled (Mercurius's `jit: N`): one-off documents are never compiled. */
const COMPILE_AFTER = 2;
/** Documents tracked at most (least recently used dropped first): compiled code is not free memory. */
const MAX_DOCUMENTS = 500;

interface Entry {
  uses: number;
  compiled?: CompiledQuery | null; // null: not compiled, graphql-js runs it
}

export function compiledRoots(op: OperationDefinitionNode): boolean {
  return (
    op.operation === OperationTypeNode.QUERY &&
    op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && COMPILED_ROOTS.has(s.name.value))
  );
}

/**
 * Whether the document holds no string literal (in arguments, input objects, lists, directives or
 * variable defaults). graphql-jit writes literal values into the code it generates, and 0.8.9 turns a
 * marker inside a string literal into code, unescaped: a caller's JavaScript would run in this process
 * (test/compiled-queries sends one). Numbers, booleans, null and enum values (names the schema knows:
 * validation ran first) cannot carry code; strings reach a compiled query only as variables.
 */
export function withoutStringLiterals(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue() {
      found = true;
      return BREAK;
    },
  });
  return !found;
}

/**
 * Executes repeated public queries with graphql-jit, which compiles a document into a function once and
 * then runs it without graphql-js's per-field work (argument maps, resolve infos, promise bookkeeping);
 * why and what it saves: docs/adr/0017-compiled-public-queries.md.
 * Parsing, validation, the context and every other plugin stay Apollo's. Any answer with errors is
 * thrown away and the query runs again on graphql-js, so errors keep Apollo's formatting, codes and
 * status, at the cost of running a failing read twice.
 */
export function compiledQueriesPlugin(enabled: boolean, executions: Counter<'outcome'>): ApolloServerPlugin {
  const entries = new Map<DocumentNode, Map<string, Entry>>(); // in use order, oldest first

  const compiledFor = (rc: GraphQLRequestContext<object>, document: DocumentNode): CompiledQuery | null => {
    let byOperation = entries.get(document);
    if (byOperation) entries.delete(document);
    else byOperation = new Map();
    entries.set(document, byOperation);
    if (entries.size > MAX_DOCUMENTS) entries.delete(entries.keys().next().value!);
    const name = rc.operationName ?? '';
    let entry = byOperation.get(name);
    if (!entry) byOperation.set(name, (entry = { uses: 0 }));
    if (++entry.uses < COMPILE_AFTER) return null;
    if (entry.compiled === undefined) {
      entry.compiled = null;
      if (withoutStringLiterals(document)) {
        try {
          const result = compileQuery(rc.schema, document, rc.operationName ?? undefined);
          if (isCompiledQuery(result)) entry.compiled = result;
        } catch {
          // graphql-jit could not compile it: graphql-js runs it
        }
      }
    }
    return entry.compiled;
  };

  return {
    async requestDidStart() {
      if (!enabled) return {};
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          if (!rc.operation || !rc.document || !compiledRoots(rc.operation)) return null;
          const compiled = compiledFor(rc, rc.document);
          if (!compiled) return null;
          let result;
          try {
            result = await compiled.query(undefined, rc.contextValue, rc.request.variables ?? {});
          } catch {
            result = null; // graphql-js runs it and answers as it would have
          }
          if (!result || result.errors?.length) {
            executions.inc({ outcome: 'rerun' });
            return null;
          }
          executions.inc({ outcome: 'compiled' });
          return { http: { headers: new HeaderMap(), status: undefined }, body: { kind: 'single', singleResult: { data: result.data } } };
        },
      };
    },
  };
}
