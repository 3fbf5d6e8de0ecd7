import { mkdirSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite (PostgreSQL compiled to WASM) served on a loopback port, so TypeORM and `pg` talk to it
 * exactly as to a real server. PGlite runs one session at a time: connect with a pool of one.
 */
export class EmbeddedPostgres {
  private static readonly logger = new Logger(EmbeddedPostgres.name);

  /**
   * A dump (PGlite `dumpDataDir`) every in-memory database starts from instead of a fresh initdb. Set by
   * the tests only: one migrated database dumped once, loaded by each test file in a fraction of the time.
   */
  static template: Blob | undefined;

  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
    const template = dataDir.startsWith('memory://') ? EmbeddedPostgres.template : undefined;
    const db = await PGlite.create(dataDir, template ? { loadDataDir: template } : {});
    const port = await freePort();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port });
    await server.start();
    EmbeddedPostgres.logger.log(`embedded PostgreSQL (PGlite) in ${dataDir} on 127.0.0.1:${port}`);
    return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${port}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
