import { describe, expect, it } from '@jest/globals';
import {
  graphql,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { answerDependencies, STOCK_DERIVED, trackAnswerDependencies } from '@app/common';
import { recordingStockDirectly, wireAnswerDependencies } from './stock-derived-fields.js';

const Filter = new GraphQLInputObjectType({
  name: 'Filter',
  fields: { search: { type: GraphQLString }, availableAt: { type: GraphQLID, extensions: { [STOCK_DERIVED]: 'any' } } },
});
const direct = recordingStockDirectly('variant', () => 8);
const Variant = new GraphQLObjectType({
  name: 'Variant',
  fields: {
    id: { type: GraphQLID },
    available: { type: GraphQLInt, extensions: { [STOCK_DERIVED]: 'variant' }, resolve: () => 7 },
    direct: {
      type: GraphQLInt,
      extensions: { [STOCK_DERIVED]: 'variant' },
      resolve: direct,
    },
  },
});
const variants = [{ id: 'v1' }, { id: 'v2' }];
const schema = () =>
  wireAnswerDependencies(
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          list: { type: new GraphQLList(Variant), args: { filter: { type: Filter } }, resolve: () => variants },
          many: { type: new GraphQLList(Variant), args: { filters: { type: new GraphQLList(Filter) } }, resolve: () => variants },
          near: { type: GraphQLInt, extensions: { [STOCK_DERIVED]: 'any' }, resolve: () => 1 },
          plain: { type: GraphQLString, resolve: () => 'x' },
        },
      }),
    }),
  );

/** What a query's answer was recorded to depend on. */
async function dependencies(source: string, variableValues?: Record<string, unknown>) {
  const req = {};
  trackAnswerDependencies(req);
  const result = await graphql({ schema: schema(), source, contextValue: { req }, variableValues });
  expect(result.errors).toBeUndefined();
  const d = answerDependencies(req)!;
  return { variants: [...d.variants].sort(), chosenByStock: d.chosenByStock };
}

describe('wireAnswerDependencies', () => {
  it('a field marked for its variant records each variant it shows; a field not asked for records nothing', async () => {
    expect(await dependencies('{ list { id available } }')).toEqual({ variants: ['v1', 'v2'], chosenByStock: false });
    expect(await dependencies('{ list { id } plain }')).toEqual({ variants: [], chosenByStock: false });
  });

  it('a direct field that records in its own call is left as it is, and records once', async () => {
    const wired = schema().getType('Variant') as GraphQLObjectType;
    expect(wired.getFields().direct.resolve).toBe(direct);
    expect(await dependencies('{ list { direct } }')).toEqual({ variants: ['v1', 'v2'], chosenByStock: false });
  });

  it('a field marked for stock at large records that the answer depends on stock', async () => {
    expect(await dependencies('{ near }')).toEqual({ variants: [], chosenByStock: true });
  });

  it('an argument reaching a marked input field records it when given: literal, variable, in a list', async () => {
    expect((await dependencies('{ list(filter: { search: "a" }) { id } }')).chosenByStock).toBe(false);
    expect((await dependencies('{ list(filter: { availableAt: "l1" }) { id } }')).chosenByStock).toBe(true);
    expect((await dependencies('query($f: Filter) { list(filter: $f) { id } }', { f: { availableAt: 'l1' } })).chosenByStock).toBe(true);
    expect((await dependencies('query($f: Filter) { list(filter: $f) { id } }', { f: { availableAt: null } })).chosenByStock).toBe(false);
    expect((await dependencies('{ many(filters: [{ search: "a" }, { availableAt: "l1" }]) { id } }')).chosenByStock).toBe(true);
  });

  it('records nothing on a request the cache does not track', async () => {
    const result = await graphql({ schema: schema(), source: '{ list { available } near }', contextValue: { req: {} } });
    expect(result.errors).toBeUndefined();
  });
});
