import {
  defaultFieldResolver,
  getNamedType,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isObjectType,
} from 'graphql';
import { answerChosenByStock, answerShowsStockOf, type StockDependency, stockDependencyOf } from '@app/common';

type Resolver = GraphQLFieldResolver<unknown, unknown>;
type Context = { req?: object } | undefined;
const RECORDS = Symbol('recordsStockDependency');

/** A field's resolver that records on the request what the answer depends on (a variant's stock, or stock at large), then resolves. */
export function recordingStock(dependency: StockDependency, resolve: Resolver): Resolver {
  const recording: Resolver =
    dependency === 'variant'
      ? (parent, args, context, info) => {
          answerShowsStockOf((context as Context)?.req, (parent as { id: string }).id);
          return resolve(parent, args, context, info);
        }
      : (parent, args, context, info) => {
          answerChosenByStock((context as Context)?.req);
          return resolve(parent, args, context, info);
        };
  return Object.assign(recording, { [RECORDS]: true });
}

/** The same for a @DirectField method, called as `method(parent, context)` with no wrapper in between (ADR 0016). */
export function recordingStockDirectly(dependency: StockDependency, method: (parent: unknown, context: unknown) => unknown): Resolver {
  const direct: Resolver =
    dependency === 'variant'
      ? (parent, _args, context) => {
          answerShowsStockOf((context as Context)?.req, (parent as { id: string }).id);
          return method(parent, context);
        }
      : (parent, _args, context) => {
          answerChosenByStock((context as Context)?.req);
          return method(parent, context);
        };
  return Object.assign(direct, { [RECORDS]: true });
}

/**
 * Gives every @StockDerived field a resolver that records the dependency (ADR 0027), and every field with an
 * argument reaching a @StockDerived input field one that records, when that argument is given, that the rows
 * it lists were chosen by stock. Structural: a field is covered by its marker, not by its resolver's code;
 * test/stock-derived-fields.e2e-spec.ts checks that every stock-derived field is marked. Runs last on the
 * schema, after the direct fields (whose resolvers it leaves when they already record).
 */
export function wireAnswerDependencies(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && RECORDS in field.resolve) continue;
      let resolve = field.resolve ?? defaultFieldResolver;
      const paths = field.args.flatMap((a) => stockInputPaths(a.type, [a.name], new Set()));
      if (paths.length) resolve = choosingByStock(paths, resolve);
      const dependency = stockDependencyOf(field);
      if (dependency) resolve = recordingStock(dependency, resolve);
      if (paths.length || dependency) field.resolve = resolve;
    }
  }
  return schema;
}

/** The paths, from an argument, to the @StockDerived input fields its type reaches. */
function stockInputPaths(type: GraphQLInputType, path: string[], seen: Set<string>): string[][] {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  seen.add(named.name);
  return Object.values(named.getFields()).flatMap((f) =>
    stockDependencyOf(f) ? [[...path, f.name]] : stockInputPaths(f.type, [...path, f.name], seen),
  );
}

function choosingByStock(paths: string[][], resolve: Resolver): Resolver {
  return (parent, args, context, info) => {
    if (paths.some((p) => given(args, p, 0))) answerChosenByStock((context as Context)?.req);
    return resolve(parent, args, context, info);
  };
}

/** Whether the (coerced) arguments hold a value at `path`, through lists. */
function given(value: unknown, path: string[], i: number): boolean {
  if (value === null || value === undefined) return false;
  if (i === path.length) return true;
  if (Array.isArray(value)) return value.some((v) => given(v, path, i));
  return given((value as Record<string, unknown>)[path[i]], path, i + 1);
}
