import { join } from 'node:path';
import { type ApolloDriverConfig } from '@nestjs/apollo';
import { RequestContextFactory } from '@app/auth';
import { formatError } from '@app/common';
import { AppConfig } from '@app/config';
import { maxDepthRule } from './max-depth.rule.js';
import { requestIdPlugin } from './request-id.plugin.js';

export const MAX_QUERY_DEPTH = 12;

/** Apollo through @nestjs/apollo: code-first schema, per-request context, errors that never leak. */
export function graphqlConfig(config: AppConfig, contexts: RequestContextFactory): ApolloDriverConfig {
  const dev = config.get('NODE_ENV') === 'development';
  return {
    path: '/graphql',
    // In development the schema is written to schema.gql (committed, for front-end teams to diff).
    autoSchemaFile: dev ? join(process.cwd(), 'schema.gql') : true,
    sortSchema: true,
    graphiql: !config.isProduction,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    validationRules: [maxDepthRule(MAX_QUERY_DEPTH)],
    context: ({ req }: { req: Parameters<RequestContextFactory['fromHeaders']>[0] }) => contexts.fromHeaders(req),
    formatError: (formatted, error) => formatError(formatted, error, dev),
    plugins: [requestIdPlugin(dev)],
  };
}
