import { keyBegunBy, PublicResponseCache } from './public-response-cache.js';
/**
 * Tells PublicResponseCache that the answer of a request the middleware let through on a miss has no
 * errors; the cache keeps the bytes Apollo sends once the response went out with status 200.
 */
export function publicResponseCachePlugin(cache) {
    if (!cache.enabled)
        return {};
    return {
        async requestDidStart({ contextValue }) {
            const req = contextValue?.req;
            if (!req || keyBegunBy(req) === undefined)
                return {};
            return {
                async willSendResponse({ response, operationName }) {
                    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
                    if (result && !result.errors)
                        cache.offer(req, { operationName: operationName ?? null });
                },
            };
        },
    };
}
//# sourceMappingURL=public-response-cache.plugin.js.map