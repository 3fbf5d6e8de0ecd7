import { type DynamicModule, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PreparingClient } from './preparing-client.js';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { AppConfig } from '@app/config';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { runMigrationsLocked } from './run-migrations.js';
import { TransactionHost } from './transaction-host.js';

type MigrationClass = new () => MigrationInterface;
const MIGRATIONS = Symbol('MIGRATIONS');

/** Where the database is: the configured server, or an embedded PGlite started for this process. */
@Injectable()
export class DatabaseEndpoint implements OnApplicationShutdown {
  private embedded?: EmbeddedPostgres;
  url = '';
  poolSize = 1;
  readonly kind: 'postgres' | 'pglite';

  constructor(private readonly config: AppConfig) {
    this.kind = config.get('DATABASE_URL') ? 'postgres' : 'pglite';
  }

  async open(): Promise<void> {
    const url = this.config.get('DATABASE_URL');
    if (url) {
      this.url = url;
      this.poolSize = this.config.get('DATABASE_POOL_SIZE');
      return;
    }
    this.embedded = await EmbeddedPostgres.start(this.config.get('PGLITE_DATA_DIR'));
    this.url = this.embedded.url;
    this.poolSize = 1;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}

@Module({ providers: [DatabaseEndpoint], exports: [DatabaseEndpoint] })
class DatabaseEndpointModule {}

/**
 * PostgreSQL through TypeORM. Migrations run before the first query of the process (under an advisory
 * lock, so several processes starting together migrate once); `synchronize` is never used.
 */
@Module({})
export class DatabaseModule {
  static forRoot(migrations: MigrationClass[]): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: [DatabaseEndpointModule],
          extraProviders: [{ provide: MIGRATIONS, useValue: migrations }],
          inject: [DatabaseEndpoint, AppConfig, MIGRATIONS],
          useFactory: async (endpoint: DatabaseEndpoint, config: AppConfig, all: MigrationClass[]) => {
            await endpoint.open();
            return {
              ...dataSourceOptions(
                endpoint.url,
                endpoint.poolSize,
                all,
                config.get('NODE_ENV') === 'development',
                endpoint.kind === 'postgres',
              ),
              autoLoadEntities: true,
            };
          },
          dataSourceFactory: async (options) => {
            const ds = await new DataSource(options as DataSourceOptions).initialize();
            guardConnectionErrors(ds);
            await runMigrationsLocked(ds, new Logger('Migrations'));
            return ds;
          },
        }),
        DatabaseEndpointModule,
      ],
      providers: [TransactionHost],
      exports: [TransactionHost, TypeOrmModule, DatabaseEndpointModule],
    };
  }
}

/**
 * A connection the server drops (restart, pg_terminate_backend, network) emits 'error' on its pg client.
 * The pool listens on idle clients, but nobody does on a client a transaction holds, and an unheard
 * 'error' event would end the process. Listen on every client: the query in flight fails on its own (as
 * SERVICE_UNAVAILABLE), the pool drops the broken client, and later requests get fresh connections.
 */
function guardConnectionErrors(ds: DataSource): void {
  const logger = new Logger('Database');
  type Client = { on(event: 'error', fn: (err: Error) => void): void };
  type Pool = {
    on(event: 'connect', fn: (client: Client) => void): void;
    on(event: 'error', fn: (err: Error) => void): void;
    _clients?: Client[];
  };
  const pool = (ds.driver as unknown as { master?: Pool }).master;
  const onError = (err: Error) => logger.warn(`database connection lost: ${err.message}`);
  pool?._clients?.forEach((c) => c.on('error', onError)); // the ones opened while initialising
  pool?.on('connect', (client: Client) => client.on('error', onError));
  pool?.on('error', onError);
}

/**
 * `prepare`: statements prepared once per connection (PreparingClient). Not on PGlite, whose socket
 * connections all share one backend session: a statement prepared by a closed connection would still
 * be there when the pool opens the next one, and preparing its name again fails.
 */
export function dataSourceOptions(
  url: string,
  poolSize: number,
  migrations: MigrationClass[],
  logSlow = false,
  prepare = true,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsRun: false,
    synchronize: false,
    maxQueryExecutionTime: logSlow ? 500 : undefined,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'commerce-api',
      ...(prepare ? { Client: PreparingClient } : {}),
    },
  };
}
