var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var DatabaseModule_1;
import { Injectable, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PreparingClient } from './preparing-client.js';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../config/src/index.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { runMigrationsLocked } from './run-migrations.js';
import { TransactionHost } from './transaction-host.js';
const MIGRATIONS = Symbol('MIGRATIONS');
/** Where the database is: the configured server, or an embedded PGlite started for this process. */
let DatabaseEndpoint = class DatabaseEndpoint {
    config;
    embedded;
    url = '';
    poolSize = 1;
    kind;
    constructor(config) {
        this.config = config;
        this.kind = config.get('DATABASE_URL') ? 'postgres' : 'pglite';
    }
    async open() {
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
    async onApplicationShutdown() {
        await this.embedded?.stop();
    }
};
DatabaseEndpoint = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [AppConfig])
], DatabaseEndpoint);
export { DatabaseEndpoint };
let DatabaseEndpointModule = class DatabaseEndpointModule {
};
DatabaseEndpointModule = __decorate([
    Module({ providers: [DatabaseEndpoint], exports: [DatabaseEndpoint] })
], DatabaseEndpointModule);
/**
 * PostgreSQL through TypeORM. Migrations run before the first query of the process (under an advisory
 * lock, so several processes starting together migrate once); `synchronize` is never used.
 */
let DatabaseModule = DatabaseModule_1 = class DatabaseModule {
    static forRoot(migrations) {
        return {
            module: DatabaseModule_1,
            global: true,
            imports: [
                TypeOrmModule.forRootAsync({
                    imports: [DatabaseEndpointModule],
                    extraProviders: [{ provide: MIGRATIONS, useValue: migrations }],
                    inject: [DatabaseEndpoint, AppConfig, MIGRATIONS],
                    useFactory: async (endpoint, config, all) => {
                        await endpoint.open();
                        return { ...dataSourceOptions(endpoint.url, endpoint.poolSize, all, config.get('NODE_ENV') === 'development', endpoint.kind === 'postgres'), autoLoadEntities: true };
                    },
                    dataSourceFactory: async (options) => {
                        const ds = await new DataSource(options).initialize();
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
};
DatabaseModule = DatabaseModule_1 = __decorate([
    Module({})
], DatabaseModule);
export { DatabaseModule };
/**
 * A connection the server drops (restart, pg_terminate_backend, network) emits 'error' on its pg client.
 * The pool listens on idle clients, but nobody does on a client a transaction holds, and an unheard
 * 'error' event would end the process. Listen on every client: the query in flight fails on its own (as
 * SERVICE_UNAVAILABLE), the pool drops the broken client, and later requests get fresh connections.
 */
function guardConnectionErrors(ds) {
    const logger = new Logger('Database');
    const pool = ds.driver.master;
    const onError = (err) => logger.warn(`database connection lost: ${err.message}`);
    pool?._clients?.forEach((c) => c.on('error', onError)); // the ones opened while initialising
    pool?.on('connect', (client) => client.on('error', onError));
    pool?.on('error', onError);
}
/**
 * `prepare`: statements prepared once per connection (PreparingClient). Not on PGlite, whose socket
 * connections all share one backend session: a statement prepared by a closed connection would still
 * be there when the pool opens the next one, and preparing its name again fails.
 */
export function dataSourceOptions(url, poolSize, migrations, logSlow = false, prepare = true) {
    return {
        type: 'postgres',
        url,
        migrations,
        migrationsRun: false,
        synchronize: false,
        maxQueryExecutionTime: logSlow ? 500 : undefined,
        extra: { max: poolSize, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, application_name: 'commerce-api', ...(prepare ? { Client: PreparingClient } : {}) },
    };
}
//# sourceMappingURL=database.module.js.map