/**
 * What a process must finish before it exits: HTTP requests in flight and open subscriptions. One per
 * process, because signals are per process.
 */
class Connections {
    inFlight = 0;
    waiting = [];
    sockets = new Set();
    /** Express middleware counting requests until their response is done. */
    track = (_req, res, next) => {
        this.inFlight++;
        res.once('close', () => {
            if (--this.inFlight === 0)
                for (const w of this.waiting.splice(0))
                    w();
        });
        next();
    };
    /** A graphql-ws socket, closed with 1001 (going away) at shutdown so its client reconnects elsewhere. */
    trackSocket(socket) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
    }
    idle(timeoutMs) {
        if (this.inFlight === 0)
            return Promise.resolve();
        return new Promise((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            this.waiting.push(() => {
                clearTimeout(timer);
                resolve();
            });
        });
    }
    get requestsInFlight() {
        return this.inFlight;
    }
}
export const connections = new Connections();
/**
 * On SIGTERM (or SIGINT): stop accepting connections, let requests in flight finish (up to `graceMs`),
 * close subscriptions cleanly, then close the application (background jobs finish their run, the pool
 * and Redis close) and exit.
 */
export function drainOnSignals(app, server, log, graceMs = 25_000) {
    let draining = false;
    const drain = async (signal) => {
        if (draining)
            return;
        draining = true;
        log(`${signal}: no new connections; finishing ${connections.requestsInFlight} request(s) and closing ${connections.sockets.size} subscription(s)`);
        server.close();
        server.closeIdleConnections();
        for (const s of connections.sockets)
            s.close(1001, 'server shutting down');
        await connections.idle(graceMs);
        await app.close();
        log('stopped');
        process.exit(0);
    };
    process.once('SIGTERM', () => void drain('SIGTERM'));
    process.once('SIGINT', () => void drain('SIGINT'));
}
//# sourceMappingURL=graceful-shutdown.js.map