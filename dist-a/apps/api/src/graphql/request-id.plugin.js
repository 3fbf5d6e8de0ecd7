import { Logger } from '@nestjs/common';
import { ErrorCode, expectedCode, internalErrorMessage } from '../../../../libs/common/src/index.js';
/**
 * Logs each unexpected error once, with the request id, and puts that id in the error the client gets,
 * so a support ticket finds the log line. Expected refusals are not logged (see AppExceptionsFilter).
 */
export function requestIdPlugin(dev) {
    const logger = new Logger('GraphQL');
    const unexpected = (requestId, err, path) => logger.error({ requestId, err, path }, `unexpected error: ${err?.message}`);
    return {
        async contextCreationDidFail({ error }) {
            if (!expectedCode(error))
                unexpected(undefined, error);
        },
        async unexpectedErrorProcessingRequest({ requestContext, error }) {
            unexpected(requestContext.contextValue?.requestId, error);
        },
        async requestDidStart() {
            return {
                async didEncounterErrors({ contextValue, errors }) {
                    for (const e of errors)
                        if (!expectedCode(e))
                            unexpected(contextValue?.requestId, e.originalError ?? e, e.path);
                },
                async willSendResponse({ response, contextValue }) {
                    if (response.body.kind !== 'single')
                        return;
                    for (const e of response.body.singleResult.errors ?? []) {
                        if (e.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR)
                            continue;
                        e.extensions.requestId = contextValue?.requestId;
                        if (!dev)
                            e.message = internalErrorMessage(contextValue?.requestId);
                    }
                },
            };
        },
    };
}
//# sourceMappingURL=request-id.plugin.js.map