import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../../libs/config/src/index.js';
const QUIET_PATHS = new Set(['/health', '/health/ready', '/metrics']);
/** Structured JSON logs with a request id (taken from x-request-id when a proxy sets one); secrets redacted. */
export function loggerConfig(config) {
    return {
        pinoHttp: {
            level: config.get('LOG_LEVEL'),
            genReqId: (req) => {
                const given = req.headers['x-request-id'];
                return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
            },
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash'], censor: '[redacted]' },
            // Probes and scrapes come every few seconds: not one log line each.
            autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
            // originalUrl: Express strips the mount path (/graphql) from req.url by the time the response ends.
            customSuccessMessage: (req, res, ms) => `${req.method} ${req.originalUrl ?? req.url} ${res.statusCode} ${Math.round(ms)}ms`,
            serializers: {
                req: (req) => ({ id: req.id, method: req.method, url: req.url }),
                res: (res) => ({ statusCode: res.statusCode }),
            },
        },
    };
}
//# sourceMappingURL=logger.config.js.map