import { mkdirSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
/**
 * PGlite (PostgreSQL compiled to WASM) served on a loopback port, so TypeORM and `pg` talk to it
 * exactly as to a real server. PGlite runs one session at a time: connect with a pool of one.
 */
export class EmbeddedPostgres {
    db;
    server;
    url;
    static logger = new Logger(EmbeddedPostgres.name);
    constructor(db, server, url) {
        this.db = db;
        this.server = server;
        this.url = url;
    }
    static async start(dataDir) {
        if (!dataDir.startsWith('memory://'))
            mkdirSync(dataDir, { recursive: true });
        const db = await PGlite.create(dataDir);
        const port = await freePort();
        const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port });
        await server.start();
        EmbeddedPostgres.logger.log(`embedded PostgreSQL (PGlite) in ${dataDir} on 127.0.0.1:${port}`);
        return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${port}/postgres`);
    }
    async stop() {
        await this.server.stop();
        await this.db.close();
    }
}
async function freePort() {
    const { createServer } = await import('node:net');
    return new Promise((resolve, reject) => {
        const s = createServer();
        s.once('error', reject);
        s.listen(0, '127.0.0.1', () => {
            const { port } = s.address();
            s.close(() => resolve(port));
        });
    });
}
//# sourceMappingURL=embedded-postgres.js.map