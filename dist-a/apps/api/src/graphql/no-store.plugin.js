/**
 * `cache-control: no-store` on every answer, as Apollo's default cache-control plugin sets it when no
 * field has a hint. That plugin wraps every field resolver to look for hints, which cost a measurable
 * share of a catalogue page's CPU (see bench/README.md), so it is disabled and this sets the header.
 */
export function noStorePlugin() {
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
//# sourceMappingURL=no-store.plugin.js.map