import type { ApolloServerPlugin } from '@apollo/server';
import { MetricsService } from './metrics.service.js';
import { codeLabel, OperationLabels } from './operation-labels.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Apollo plugin: every GraphQL request counted and timed by operation name and type, and every error
 * in a response counted by its `extensions.code` (after formatError, so the code the client saw).
 * A request refused before its operation is known (parse or validation failure) is "anonymous",
 * type "unknown".
 */
export function graphqlMetricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  const labelNames = ['operation_name', 'operation_type'] as const;
  const requests = metrics.counter({ name: 'graphql_requests_total', help: 'GraphQL requests, by operation', labelNames });
  const duration = metrics.histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency, by operation',
    labelNames,
    buckets: SECONDS,
  });
  const errors = metrics.counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code',
    labelNames: ['code'],
  });
  const names = new OperationLabels();

  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const labels = {
            operation_name: names.name(operation ? operationName : undefined),
            operation_type: operation?.operation ?? 'unknown',
          };
          requests.inc(labels);
          duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) errors.inc({ code: codeLabel(e.extensions?.code) });
        },
      };
    },
  };
}
