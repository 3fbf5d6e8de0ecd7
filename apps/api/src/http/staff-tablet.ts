import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import helmet from 'helmet';

/** Where the staff tablet (apps/staff-tablet) is served, and what `npm run build` puts there. */
export const STAFF_TABLET_PATH = '/staff';
/**
 * dist/staff-tablet: beside dist/apps when this runs compiled (dist/apps/api/src/http), under dist/ when it
 * runs from source (the Jest tests, from apps/api/src/http).
 */
export const STAFF_TABLET_DIR = ['../../../../staff-tablet/', '../../../../dist/staff-tablet/']
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((dir) => existsSync(`${dir}index.html`));

export const isStaffTabletRequest = (req: Request): boolean =>
  req.path === STAFF_TABLET_PATH || req.path.startsWith(`${STAFF_TABLET_PATH}/`);

/**
 * The tablet's Content-Security-Policy: everything from this origin only (no CDN: it runs on a shop's closed
 * network), its GraphQL over fetch and graphql-ws to the same host. Unlike helmet's default, no
 * upgrade-insecure-requests: a shop may reach the API over plain http on its LAN, and upgrading the
 * tablet's requests to https there would break every one of them.
 */
export const staffTabletHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", (req) => `ws://${req.headers.host ?? ''}`, (req) => `wss://${req.headers.host ?? ''}`],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

/**
 * The built tablet as static files at /staff/: index.html never cached (a new build shows on the next
 * load), the hashed assets cached for a year. Not built (a dev start without `npm run build`): a 404 that says so.
 */
export function serveStaffTablet(app: NestExpressApplication, dir = STAFF_TABLET_DIR): void {
  if (!dir) {
    app.use(STAFF_TABLET_PATH, (_req: Request, res: Response) => {
      res.status(404).type('text/plain').send('The staff tablet is not built: run `npm run build`.');
    });
    return;
  }
  app.useStaticAssets(dir, {
    prefix: STAFF_TABLET_PATH,
    index: 'index.html',
    setHeaders: (res: Response, file: string) => {
      res.setHeader('Cache-Control', file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
