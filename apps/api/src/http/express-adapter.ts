import http from 'node:http';
import https from 'node:https';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';

/**
 * Express moves every request and response to its own prototype as it takes them
 * (`Object.setPrototypeOf(req, app.request)` in `app.handle`). That costs far more than the call: the
 * objects then survive V8's young-generation collections, so each request's objects and all they reach
 * are copied and promoted, to be freed only by old-generation collections. Here the server builds them
 * from subclasses whose prototypes are Express's, so Express's call changes nothing. Measurements, and
 * the alternative not taken (plain constructors with Reflect.construct): docs/adr/0019-express-prototype-adapter.md.
 */
export class PrototypedExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // Nest's options that add to its own server are not used here: leave those to Nest.
    if (options?.return503OnClosing || options?.forceCloseConnections) return super.initHttpServer(options);
    const app = this.getInstance<http.RequestListener & { request: object; response: object }>();
    const IncomingMessage = withPrototype(http.IncomingMessage, app.request);
    const ServerResponse = withPrototype(http.ServerResponse, app.response);
    app.request = IncomingMessage.prototype;
    app.response = ServerResponse.prototype;
    const classes = { IncomingMessage, ServerResponse };
    this.httpServer = options?.httpsOptions
      ? https.createServer({ ...options.httpsOptions, ...classes }, app)
      : http.createServer(classes, app);
  }
}

/**
 * A subclass of `base` whose prototype replaces `current` (Express's request or response prototype of
 * this app): it holds current's own properties (`app`) and inherits from what current inherited from.
 */
function withPrototype<T extends new (...args: never[]) => object>(base: T, current: object): T {
  const Prototyped = class extends (base as new (...args: never[]) => object) {};
  Object.defineProperties(Prototyped.prototype, Object.getOwnPropertyDescriptors(current));
  Object.setPrototypeOf(Prototyped.prototype, Object.getPrototypeOf(current) as object | null);
  return Prototyped as unknown as T;
}
