import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import type { AppConfig } from '@app/config';
import { graphqlLimits, withoutSuggestions } from './graphql-limits.js';

const schema = buildSchema(`type Query { node: Node } type Node { id: ID! child: Node }`);
const settings: Record<string, number> = {
  GRAPHQL_MAX_DEPTH: 3,
  GRAPHQL_MAX_COST: 100,
  GRAPHQL_MAX_ALIASES: 2,
  GRAPHQL_MAX_DIRECTIVES: 2,
  GRAPHQL_MAX_TOKENS: 500,
};
const config = { get: (key: string) => settings[key] } as unknown as AppConfig;
const check = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...graphqlLimits(config).validationRules!]).map((e) => e.message);

describe('graphqlLimits', () => {
  it('reports each limit as a validation error instead of throwing (a throw would be a 500)', () => {
    expect(check('{ node { child { id } } }')).toEqual([]);
    expect(check('{ node { child { child { id } } } }')).toEqual(['Query depth limit of 3 exceeded, found 4.']);
    expect(check('{ a: node { id } b: node { id } c: node { id } }')).toEqual(['Aliases limit of 2 exceeded, found 3.']);
    expect(check('{ node { id @skip(if: false) child @skip(if: false) { id @skip(if: false) } } }')).toEqual([
      'Directives limit of 2 exceeded, found 3.',
    ]);
  });

  it('does not count fragments as a level', () => {
    expect(check('{ node { ...F } } fragment F on Node { child { id } }')).toEqual([]);
  });

  it('limits tokens in the parser and refuses batches', () => {
    expect(graphqlLimits(config)).toMatchObject({ parseOptions: { maxTokens: 500 }, allowBatchedHttpRequests: false });
  });
});

describe('withoutSuggestions', () => {
  it('drops "Did you mean" hints', () => {
    expect(withoutSuggestions({ message: 'Cannot query field "nod" on type "Query". Did you mean "node"?' }).message).toBe(
      'Cannot query field "nod" on type "Query".',
    );
    expect(withoutSuggestions({ message: 'Unknown argument "x".' }).message).toBe('Unknown argument "x".');
  });
});
