import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppConfig } from '@app/config';
import { httpMetricsMiddleware, MetricsService } from '@app/observability';
import { isStripeWebhookRequest, STRIPE_WEBHOOK_BODY_LIMIT, STRIPE_WEBHOOK_PATH } from '@app/payments';
import { AppExceptionsFilter } from './app-exceptions.filter.js';
import { isStaffTabletRequest, serveStaffTablet, staffTabletHeaders } from './staff-tablet.js';

export const GRAPHQL_PATH = '/graphql';

/**
 * The HTTP layer in front of GraphQL, in this order: metrics (so refusals are measured too), helmet
 * headers, CORS, then the body parsers with their size limit (the Stripe webhook's raw one first). Must
 * run before app.init(), which would otherwise register Nest's parsers with the default limit.
 */
export function configureHttp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  // POST answers are not conditionally cached: Express's ETag would only hash every body (SHA-1 of ~20 kB a page).
  app.set('etag', false);
  // Client addresses (rate limits, sign-in limits, logs) from X-Forwarded-For only through trusted proxies.
  app.set('trust proxy', config.trustProxy);
  app.use(httpMetricsMiddleware(app.get(MetricsService), [GRAPHQL_PATH, '/health', '/health/ready', STRIPE_WEBHOOK_PATH]));
  app.use(securityHeaders(config.graphqlPlayground));
  serveStaffTablet(app);
  const origins = config.corsOrigins;
  if (origins) {
    // Bearer tokens, not cookies: no credentials. A listed origin is echoed back, any other gets no CORS header.
    app.enableCors({ origin: origins, methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 });
  }
  // Stripe signs the exact bytes it sends: its webhook's body is kept raw (a Buffer), whatever its type, and
  // the JSON parser below then leaves it alone. Every other path is parsed as before.
  app.useBodyParser('raw', { type: isStripeWebhookRequest, limit: STRIPE_WEBHOOK_BODY_LIMIT });
  const limit = `${config.get('REQUEST_BODY_LIMIT_KB')}kb`;
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: true });
  app.useGlobalFilters(new AppExceptionsFilter(app.getHttpAdapter()));
}

/**
 * helmet's defaults everywhere, except two pages. The GraphiQL page (GET /graphql, only when the playground
 * is on) loads React and GraphiQL from unpkg and starts them with an inline script, which the default
 * Content-Security-Policy would block. The staff tablet (/staff/) gets its own policy (staff-tablet.ts).
 * JSON responses keep the full policy.
 */
function securityHeaders(playground: boolean) {
  const strict = helmet();
  const graphiql = helmet({ contentSecurityPolicy: false });
  return (req: Request, res: Response, next: NextFunction): void =>
    (isStaffTabletRequest(req) ? staffTabletHeaders : playground && req.method === 'GET' && req.path === GRAPHQL_PATH ? graphiql : strict)(
      req,
      res,
      next,
    );
}
