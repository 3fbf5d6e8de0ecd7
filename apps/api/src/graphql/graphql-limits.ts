import type { ApolloDriverConfig } from '@nestjs/apollo';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';
import { AppConfig } from '@app/config';

/**
 * graphql-armor's rules rethrow by default, which Apollo would answer with a 500. Reported instead,
 * they become ordinary validation errors: GRAPHQL_VALIDATION_FAILED, HTTP 400, before any resolver runs.
 * ("Syntax Error:" is armor's prefix; these are not syntax errors.)
 */
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/**
 * Limits on what one request may ask for, from the environment: depth, cost, aliases and directives
 * (graphql-armor validation rules), tokens (graphql-js's own parser limit: Apollo cannot take armor's
 * replacement parser, and a throw from a plugin hook would be a 500), and no batches of operations.
 */
export function graphqlLimits(
  config: AppConfig,
): Pick<ApolloDriverConfig, 'validationRules' | 'parseOptions' | 'allowBatchedHttpRequests'> {
  return {
    validationRules: [
      // Fragments are a notation, not nesting or cost: flattened. Introspection (__schema) is exempt.
      maxDepthRule({ n: config.get('GRAPHQL_MAX_DEPTH'), flattenFragments: true, ...report }),
      costLimitRule({ maxCost: config.get('GRAPHQL_MAX_COST'), flattenFragments: true, ...report }),
      maxAliasesRule({ n: config.get('GRAPHQL_MAX_ALIASES'), ...report }),
      maxDirectivesRule({ n: config.get('GRAPHQL_MAX_DIRECTIVES'), ...report }),
    ],
    parseOptions: { maxTokens: config.get('GRAPHQL_MAX_TOKENS') },
    allowBatchedHttpRequests: false,
  };
}

/**
 * With introspection off, graphql-js's "Did you mean …?" hints would still spell out the schema one
 * field at a time: drop them.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { ...formatted, message: formatted.message.replace(/ Did you mean .+\?$/, '') };
}

/**
 * Introspection off (production): one error per __schema or __type asked for. graphql-js's own rule
 * reports every field under them too, and Apollo's is not available to the WebSocket path.
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError('GraphQL introspection is not allowed here, but the query asked for __schema or __type', { nodes: [node] }),
      );
    }
  },
});
