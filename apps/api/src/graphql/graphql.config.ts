import { join } from 'node:path';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { type ApolloDriverConfig } from '@nestjs/apollo';
import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { RequestContextFactory } from '@app/auth';
import { ErrorCode } from '@app/common';
import { GraphQLError } from 'graphql';
import { AppConfig } from '@app/config';
import { graphqlMetricsPlugin, MetricsService } from '@app/observability';
import { OperationPolicy } from './operation-policy.js';
import { compiledQueriesPlugin } from './compiled-queries.plugin.js';
import { noStorePlugin } from './no-store.plugin.js';
import { rateLimitPlugin } from './rate-limit.plugin.js';
import { RateLimiter } from './rate-limiter.js';
import { PublicResponseCache } from './response-cache/public-response-cache.js';
import { publicResponseCachePlugin } from './response-cache/public-response-cache.plugin.js';
import { requestIdPlugin } from './request-id.plugin.js';
import { readPlainFieldsDirectly, wireDirectFields } from './direct-fields.js';
import { wireAnswerDependencies } from './stock-derived-fields.js';

/**
 * Apollo answers an error thrown while building the context (a tampered token, a bad x-channel) with
 * HTTP 500 unless the error names a status: 401 for UNAUTHENTICATED, 403 for FORBIDDEN (a shopper
 * claiming x-channel STORE), 400 for bad input.
 */
function withHttpStatus(err: unknown): never {
  if (err instanceof GraphQLError) {
    const status = (
      { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403, [ErrorCode.BAD_USER_INPUT]: 400 } as Record<string, number>
    )[String(err.extensions.code)];
    if (status) throw new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status } } });
  }
  throw err;
}

/** Apollo through @nestjs/apollo: code-first schema, per-request context, limits, errors that never leak. */
export function graphqlConfig(
  config: AppConfig,
  contexts: RequestContextFactory,
  metrics: MetricsService,
  responses: PublicResponseCache,
  limiter: RateLimiter,
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): ApolloDriverConfig {
  const dev = config.get('NODE_ENV') === 'development';
  const policy = new OperationPolicy(config);
  return {
    path: '/graphql',
    // In development the schema is written to schema.gql (committed, for front-end teams to diff).
    autoSchemaFile: dev ? join(process.cwd(), 'schema.gql') : true,
    sortSchema: true,
    transformSchema: (schema) => wireAnswerDependencies(readPlainFieldsDirectly(wireDirectFields(schema, discovery, scanner, reflector))),
    graphiql: config.graphqlPlayground,
    introspection: true, // refused instead by the policy's rule when GRAPHQL_INTROSPECTION is off
    includeStacktraceInErrorResponses: false,
    // @nestjs/apollo resets the status of an answer with `data` to 200; only RATE_LIMITED sets one from a
    // resolver (sign-in waits), and it must reach the client as 429 with Retry-After like every other limit.
    preserveHttpStatusForExecutionErrors: false,
    ...policy.limits,
    validationRules: policy.validationRules,
    context: (c: { req: Parameters<RequestContextFactory['fromHeaders']>[0]; res?: Parameters<RequestContextFactory['fromHeaders']>[1] }) =>
      contexts.fromHeaders(c.req, c.res).catch(withHttpStatus),
    // No `subscriptions`: graphql-ws is served by GraphqlWebSocketServer, under the same OperationPolicy.
    formatError: (formatted, error) => policy.format(formatted, error),
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      requestIdPlugin(dev),
      graphqlMetricsPlugin(metrics),
      rateLimitPlugin(limiter),
      publicResponseCachePlugin(responses),
      compiledQueriesPlugin(
        config.get('GRAPHQL_COMPILED_QUERIES'),
        metrics.counter({
          name: 'graphql_compiled_executions_total',
          help: 'Public queries run compiled (graphql-jit), or run again on graphql-js after errors',
          labelNames: ['outcome'],
        }),
      ),
    ],
  };
}
