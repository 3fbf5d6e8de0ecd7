import { join } from 'node:path';
import { type ApolloDriverConfig } from '@nestjs/apollo';
import { RequestContextFactory } from '@app/auth';
import { formatError } from '@app/common';
import { AppConfig } from '@app/config';
import { graphqlMetricsPlugin, MetricsService } from '@app/observability';
import { graphqlLimits, withoutSuggestions } from './graphql-limits.js';
import { requestIdPlugin } from './request-id.plugin.js';

/** Apollo through @nestjs/apollo: code-first schema, per-request context, limits, errors that never leak. */
export function graphqlConfig(config: AppConfig, contexts: RequestContextFactory, metrics: MetricsService): ApolloDriverConfig {
  const dev = config.get('NODE_ENV') === 'development';
  const introspection = config.graphqlIntrospection;
  return {
    path: '/graphql',
    // In development the schema is written to schema.gql (committed, for front-end teams to diff).
    autoSchemaFile: dev ? join(process.cwd(), 'schema.gql') : true,
    sortSchema: true,
    graphiql: config.graphqlPlayground,
    introspection,
    includeStacktraceInErrorResponses: false,
    ...graphqlLimits(config),
    context: ({ req, res }: { req: Parameters<RequestContextFactory['fromHeaders']>[0]; res: Parameters<RequestContextFactory['fromHeaders']>[1] }) =>
      contexts.fromHeaders(req, res),
    formatError: (formatted, error) => formatError(introspection ? formatted : withoutSuggestions(formatted), error, dev),
    plugins: [requestIdPlugin(dev), graphqlMetricsPlugin(metrics)],
  };
}
