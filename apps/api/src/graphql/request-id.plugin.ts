import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import type { RequestContext } from '@app/auth';
import { ErrorCode, errorMessage, expectedCode, internalErrorMessage } from '@app/common';

/**
 * Logs each unexpected error once, with the request id, and puts that id in the error the client gets,
 * so a support ticket finds the log line. Expected refusals are not logged (see AppExceptionsFilter).
 */
export function requestIdPlugin(dev: boolean): ApolloServerPlugin<RequestContext> {
  const logger = new Logger('GraphQL');
  const unexpected = (requestId: string | undefined, err: unknown, path?: unknown) =>
    logger.error({ requestId, err, path }, `unexpected error: ${errorMessage(err)}`);
  return {
    async contextCreationDidFail({ error }) {
      if (!expectedCode(error)) unexpected(undefined, error);
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      unexpected(requestContext.contextValue?.requestId, error);
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const e of errors) if (!expectedCode(e)) unexpected(contextValue?.requestId, e.originalError ?? e, e.path);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) {
            if (e.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
            (e.extensions as Record<string, unknown>).requestId = contextValue?.requestId;
            if (!dev) (e as { message: string }).message = internalErrorMessage(contextValue?.requestId);
          }
        },
      };
    },
  };
}
