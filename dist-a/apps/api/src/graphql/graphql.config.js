import { join } from 'node:path';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {} from '@nestjs/apollo';
import { RequestContextFactory } from '../../../../libs/auth/src/index.js';
import { ErrorCode, formatError } from '../../../../libs/common/src/index.js';
import { GraphQLError } from 'graphql';
import { AppConfig } from '../../../../libs/config/src/index.js';
import { graphqlMetricsPlugin, MetricsService } from '../../../../libs/observability/src/index.js';
import { graphqlLimits, withoutSuggestions } from './graphql-limits.js';
import { compiledQueriesPlugin } from './compiled-queries.plugin.js';
import { noStorePlugin } from './no-store.plugin.js';
import { rateLimitPlugin } from './rate-limit.plugin.js';
import { RateLimiter } from './rate-limiter.js';
import { PublicResponseCache } from './response-cache/public-response-cache.js';
import { publicResponseCachePlugin } from './response-cache/public-response-cache.plugin.js';
import { requestIdPlugin } from './request-id.plugin.js';
import { readPlainFieldsDirectly, wireDirectFields } from './direct-fields.js';
import { connections } from '../shutdown/graceful-shutdown.js';
/**
 * Apollo answers an error thrown while building the context (a tampered token, a bad x-channel) with
 * HTTP 500 unless the error names a status: 401 for UNAUTHENTICATED, 400 for bad input.
 */
function withHttpStatus(err) {
    if (err instanceof GraphQLError) {
        const status = err.extensions.code === ErrorCode.UNAUTHENTICATED ? 401 : err.extensions.code === ErrorCode.BAD_USER_INPUT ? 400 : undefined;
        if (status)
            throw new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status } } });
    }
    throw err;
}
/** Apollo through @nestjs/apollo: code-first schema, per-request context, limits, errors that never leak. */
export function graphqlConfig(config, contexts, metrics, responses, limiter, discovery, scanner, reflector) {
    const dev = config.get('NODE_ENV') === 'development';
    const introspection = config.graphqlIntrospection;
    return {
        path: '/graphql',
        // In development the schema is written to schema.gql (committed, for front-end teams to diff).
        autoSchemaFile: dev ? join(process.cwd(), 'schema.gql') : true,
        sortSchema: true,
        transformSchema: (schema) => readPlainFieldsDirectly(wireDirectFields(schema, discovery, scanner, reflector)),
        graphiql: config.graphqlPlayground,
        introspection,
        includeStacktraceInErrorResponses: false,
        ...graphqlLimits(config),
        // HTTP requests carry req/res; graphql-ws operations carry the connection's params.
        context: (c) => (c.req ? contexts.fromHeaders(c.req, c.res).catch(withHttpStatus) : contexts.fromConnection(c.connectionParams)),
        subscriptions: {
            'graphql-ws': {
                path: '/graphql',
                // A bad or expired token closes the connection (4403) rather than letting it in as a guest.
                onConnect: async ({ connectionParams, extra }) => {
                    try {
                        await contexts.fromConnection(connectionParams);
                        connections.trackSocket(extra.socket);
                        return true;
                    }
                    catch {
                        return false;
                    }
                },
            },
        },
        formatError: (formatted, error) => formatError(introspection ? formatted : withoutSuggestions(formatted), error, dev),
        plugins: [ApolloServerPluginCacheControlDisabled(), noStorePlugin(), requestIdPlugin(dev), graphqlMetricsPlugin(metrics), rateLimitPlugin(limiter), publicResponseCachePlugin(responses),
            compiledQueriesPlugin(config.get('GRAPHQL_COMPILED_QUERIES'), metrics.counter({
                name: 'graphql_compiled_executions_total', help: 'Public queries run compiled (graphql-jit), or run again on graphql-js after errors', labelNames: ['outcome']
            }))],
    };
}
//# sourceMappingURL=graphql.config.js.map