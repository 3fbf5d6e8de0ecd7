import type { Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

interface Closable {
  close(code?: number, reason?: string): void;
  once(event: 'close', fn: () => void): unknown;
}

/**
 * What a process must finish before it exits: HTTP requests in flight and open subscriptions. One per
 * process, because signals are per process.
 */
class Connections {
  private inFlight = 0;
  private waiting: (() => void)[] = [];
  readonly sockets = new Set<Closable>();

  /** Express middleware counting requests until their response is done. */
  readonly track = (_req: Request, res: Response, next: NextFunction): void => {
    this.inFlight++;
    res.once('close', () => {
      if (--this.inFlight === 0) for (const w of this.waiting.splice(0)) w();
    });
    next();
  };

  /** A graphql-ws socket, closed with 1001 (going away) at shutdown so its client reconnects elsewhere. */
  trackSocket(socket: Closable): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  idle(timeoutMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }
}

export const connections = new Connections();

/**
 * On SIGTERM (or SIGINT): stop accepting connections, let requests in flight finish (up to `graceMs`),
 * close subscriptions cleanly, then close the application (background jobs finish their run, the pool
 * and Redis close) and exit.
 */
export function drainOnSignals(app: INestApplicationContext, server: Server, log: (msg: string) => void, graceMs = 25_000): void {
  let draining = false;
  const drain = async (signal: string) => {
    if (draining) return;
    draining = true;
    const { requestsInFlight, sockets } = connections;
    log(`${signal}: no new connections; finishing ${requestsInFlight} request(s) and closing ${sockets.size} subscription(s)`);
    server.close();
    server.closeIdleConnections();
    for (const s of connections.sockets) s.close(1001, 'server shutting down');
    await connections.idle(graceMs);
    await app.close();
    log('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void drain('SIGTERM'));
  process.once('SIGINT', () => void drain('SIGINT'));
}
