import { inspect } from 'node:util';
import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

const refusal = (value: string) =>
  `SafeInt cannot represent ${value}: it takes integers from -(2^53 - 1) to 2^53 - 1 (Number.MAX_SAFE_INTEGER)`;

/** The value when it is an integer a JavaScript number holds exactly; a GraphQLError otherwise. */
function safe(value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'bigint' && value <= MAX && value >= -MAX) return Number(value);
  throw new GraphQLError(refusal(inspect(value)));
}

/**
 * An integer exact up to Number.MAX_SAFE_INTEGER, sent as a JSON number: for sums (report totals) that
 * pass GraphQL's 32-bit Int. Clients' JSON parsers read such numbers exactly; past 2^53 they would round
 * without a word, so the scalar refuses those, and anything not an integer, instead.
 */
export const SafeInt = new GraphQLScalarType<number, number>({
  name: 'SafeInt',
  description: 'An integer from -(2^53 - 1) to 2^53 - 1, exact, sent as a JSON number.',
  serialize: safe,
  parseValue: safe,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw new GraphQLError(refusal(print(ast)), { nodes: ast });
    // The literal's own digits: Number() alone would round a long literal into range unseen.
    return safe(BigInt(ast.value));
  },
});
