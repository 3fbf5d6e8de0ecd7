import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '@app/config';

const QUIET_PATHS = new Set(['/health', '/health/ready', '/metrics']);

/** Structured JSON logs with a request id (taken from x-request-id when a proxy sets one); secrets redacted. */
export function loggerConfig(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.get('LOG_LEVEL'),
      genReqId: (req: IncomingMessage) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash'], censor: '[redacted]' },
      // Probes and scrapes come every few seconds: not one log line each.
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
      // originalUrl: Express strips the mount path (/graphql) from req.url by the time the response ends.
      customSuccessMessage: (req, res, ms) =>
        `${req.method} ${(req as { originalUrl?: string }).originalUrl ?? req.url} ${res.statusCode} ${Math.round(ms)}ms`,
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
