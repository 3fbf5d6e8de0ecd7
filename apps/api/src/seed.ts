import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthModule } from '@app/auth';
import { ClockModule, DatabaseModule, EventsModule, RedisModule, SecretsModule } from '@app/common';
import { AppConfigModule } from '@app/config';
import { BulkLoader, DemoDataModule } from '@app/demo-data';
import { MIGRATIONS } from '../../../migrations/index.js';

@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    DatabaseModule.forRoot(MIGRATIONS),
    SecretsModule,
    RedisModule,
    EventsModule,
    AuthModule,
    DemoDataModule,
  ],
})
class SeedModule {}

/**
 * npm run seed -- --products N --locations M [--sizes S]
 * Loads a generated catalogue, network and stock into the configured database (migrating it first).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { products: { type: 'string', default: '200' }, locations: { type: 'string', default: '22' }, sizes: { type: 'string' } },
  });
  const opts = {
    products: Number(values.products),
    locations: Number(values.locations),
    sizes: values.sizes ? Number(values.sizes) : undefined,
  };
  if (![opts.products, opts.locations].every((n) => Number.isInteger(n) && n > 0) || (opts.sizes !== undefined && !(opts.sizes > 0))) {
    throw new Error('usage: npm run seed -- --products N --locations M [--sizes S] (whole numbers above 0)');
  }
  process.env.SEED_DEMO_DATA = 'false';
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['log', 'warn', 'error'] });
  try {
    const result = await app.get(BulkLoader).load(opts);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
