import { randomBytes, randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { type RequestContext, SalesChannel, type StaffCaller, StaffRole } from '@app/auth';
import { PlatformModule } from '@app/platform';
import { testDatabaseUrl } from './test-database.js';

/**
 * The service tier: a Nest testing module with the real platform (settings, PostgreSQL, Redis, events)
 * and the given domain modules, services called directly, no HTTP. The database is the e2e tier's: a
 * copy of the migrated template on a real server, an in-memory PGlite loaded from the migrated dump
 * otherwise.
 */
export interface Services {
  module: TestingModule;
  db: DataSource;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

export async function startServices(imports: Type<unknown>[], env: Record<string, string> = {}): Promise<Services> {
  const settings: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: await testDatabaseUrl(),
    PGLITE_DATA_DIR: 'memory://',
    DATABASE_POOL_SIZE: '10',
    REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    SEED_DEMO_DATA: 'false',
    BACKGROUND_JOBS: 'false',
    ...env,
  };
  for (const [k, v] of Object.entries(settings)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const module = await Test.createTestingModule({ imports: [PlatformModule, ...imports] }).compile();
  await module.init();
  return { module, db: module.get(DataSource), get: (type) => module.get(type, { strict: false }), close: () => module.close() };
}

/** A request context for a direct service call. */
export const contextOf = (caller: RequestContext['caller'] = { kind: 'guest' }, channel = SalesChannel.WEB): RequestContext => ({
  requestId: randomUUID(),
  caller,
  channel,
  loaders: new Map(),
});

/** Rows the services read, written straight to the database (the e2e tier covers creating them through the API). */
export class Fixtures {
  constructor(private readonly db: DataSource) {}

  async location(type: 'STORE' | 'WAREHOUSE' = 'STORE', extra: { pickupHoldSeconds?: number } = {}): Promise<string> {
    const [{ id }] = await this.db.query(
      `INSERT INTO location (code, name, type, lat, lng, pickup_enabled, pickup_hold_seconds, ships_orders)
       VALUES ($1, $2, $3, 48.85, 2.35, $4, $5, $6) RETURNING id`,
      [
        `L-${randomBytes(4).toString('hex')}`,
        `${type} ${randomBytes(2).toString('hex')}`,
        type,
        type === 'STORE',
        extra.pickupHoldSeconds ?? 172800,
        type === 'WAREHOUSE',
      ],
    );
    return id;
  }

  async variant(priceCents = 5000): Promise<{ id: string; sku: string }> {
    const tag = randomBytes(4).toString('hex');
    const [{ id: productId }] = await this.db.query(`INSERT INTO product (slug, name, price_from) VALUES ($1, $2, $3) RETURNING id`, [
      `p-${tag}`,
      `Coat ${tag}`,
      priceCents,
    ]);
    const sku = `SKU-${tag}`.toUpperCase();
    const [{ id }] = await this.db.query(
      `INSERT INTO product_variant (product_id, position, sku, size, price_amount, price_currency) VALUES ($1, 0, $2, 'M', $3, 'EUR') RETURNING id`,
      [productId, sku, priceCents],
    );
    return { id, sku };
  }

  async staff(role = StaffRole.ADMIN, locationId: string | null = null): Promise<StaffCaller> {
    const [{ id }] = await this.db.query(
      `INSERT INTO staff (email, password_hash, role, location_id) VALUES ($1, 'not-a-hash', $2, $3) RETURNING id`,
      [`staff-${randomBytes(4).toString('hex')}@test.example`, role, locationId],
    );
    return { kind: 'staff', staffId: id, role, locationId };
  }

  async level(locationId: string, variantId: string): Promise<{ onHand: number; reserved: number }> {
    const [row] = await this.db.query(`SELECT on_hand AS "onHand", reserved FROM stock_level WHERE location_id = $1 AND variant_id = $2`, [
      locationId,
      variantId,
    ]);
    return row ?? { onHand: 0, reserved: 0 };
  }

  async movements(variantId: string): Promise<{ type: string; onHand: number; reserved: number; reference: string | null }[]> {
    return this.db.query(
      `SELECT type, on_hand_delta AS "onHand", reserved_delta AS reserved, reference FROM stock_movement WHERE variant_id = $1 ORDER BY id`,
      [variantId],
    );
  }
}
