import { join } from 'node:path';
import { type ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { type RequestContext, RequestContextFactory } from '@app/auth';
import { ErrorCode, formatError } from '@app/common';
import { AppConfig } from '@app/config';
import { maxDepthRule } from './max-depth.rule.js';

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
    plugins: [ApolloServerPluginCacheControlDisabled(), noStorePlugin(), requestIdPlugin()],
  };
}

/**
 * `cache-control: no-store` on every answer, as Apollo's default cache-control plugin sets it when no
 * field carries a cache hint (none does here). That plugin is disabled because it wraps every field
 * resolver to compute the policy, which cost a measurable share of the server's CPU on a catalogue page
 * (about 100 fields per product page: see bench/README.md).
 */
function noStorePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

/** Adds the request id to unexpected errors and logs each with it, so a support ticket finds the log line. */
function requestIdPlugin(): ApolloServerPlugin<RequestContext> {
  const logger = new Logger('GraphQL');
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const e of errors) {
            const code = (e as GraphQLError).extensions?.code;
            if (!code || code === ErrorCode.INTERNAL_SERVER_ERROR) {
              logger.error({ requestId: contextValue?.requestId, err: e.originalError ?? e, path: e.path }, `unexpected error: ${e.message}`);
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) {
            if (e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              (e.extensions as Record<string, unknown>).requestId = contextValue?.requestId;
            }
          }
        },
      };
    },
  };
}
