var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthModule } from '../../../libs/auth/src/index.js';
import { DatabaseModule, EventsModule, RedisModule } from '../../../libs/common/src/index.js';
import { AppConfigModule } from '../../../libs/config/src/index.js';
import { BulkLoader, DemoDataModule } from '../../../libs/demo-data/src/index.js';
import { MIGRATIONS } from '../../../migrations/index.js';
let SeedModule = class SeedModule {
};
SeedModule = __decorate([
    Module({ imports: [AppConfigModule, DatabaseModule.forRoot(MIGRATIONS), RedisModule, EventsModule, AuthModule, DemoDataModule] })
], SeedModule);
/**
 * npm run seed -- --products N --locations M [--sizes S]
 * Loads a generated catalogue, network and stock into the configured database (migrating it first).
 */
async function main() {
    const { values } = parseArgs({ options: { products: { type: 'string', default: '200' }, locations: { type: 'string', default: '22' }, sizes: { type: 'string' } } });
    const opts = { products: Number(values.products), locations: Number(values.locations), sizes: values.sizes ? Number(values.sizes) : undefined };
    if (![opts.products, opts.locations].every((n) => Number.isInteger(n) && n > 0) || (opts.sizes !== undefined && !(opts.sizes > 0))) {
        throw new Error('usage: npm run seed -- --products N --locations M [--sizes S] (whole numbers above 0)');
    }
    process.env.SEED_DEMO_DATA = 'false';
    const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['log', 'warn', 'error'] });
    try {
        const result = await app.get(BulkLoader).load(opts);
        process.stdout.write(`${JSON.stringify(result)}\n`);
    }
    finally {
        await app.close();
    }
}
main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
});
//# sourceMappingURL=seed.js.map