import { MetricsService } from './metrics.service.js';
/**
 * Express middleware, mounted first: every HTTP request timed by method, path and status, including
 * those refused before GraphQL runs (413, malformed JSON). Paths outside `paths` are labelled "other"
 * (bounded cardinality); `ignore` (GET /metrics) is not measured.
 */
export function httpMetricsMiddleware(metrics, paths, ignore = ['/metrics']) {
    const known = new Set(paths);
    const skipped = new Set(ignore);
    const duration = metrics.histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP request latency, by method, path and status code',
        labelNames: ['method', 'path', 'status_code'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    return (req, res, next) => {
        const path = req.path;
        if (skipped.has(path))
            return next();
        const started = process.hrtime.bigint();
        res.once('finish', () => {
            duration.observe({ method: req.method, path: known.has(path) ? path : 'other', status_code: String(res.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
        });
        next();
    };
}
//# sourceMappingURL=http-metrics.middleware.js.map