import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { PasswordHasher, StaffRole } from '@app/auth';
import { TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { BulkLoader } from './bulk-loader.service.js';

const DEMO_LOCK = 724_311_902;
export const DEMO_STAFF_PASSWORD = 'demo-password-1';
export const DEMO_PRODUCTS = 200;

/**
 * The demo retailer for a newcomer's first start: 200 products in sizes, 20 stores in French cities,
 * 2 warehouses, uneven stock, and three demo staff accounts. Loaded only into an empty database. The
 * staff share the README's password outside production; in production (SEED_DEMO_DATA=true on a real
 * deployment, such as docker compose) they get a random one, printed once in the log, since a password
 * anyone can read is no password.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly loader: BulkLoader,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
  ) {}

  async loadIfEmpty(): Promise<boolean> {
    return this.tx.run(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]); // several processes starting: one loads
      const [{ empty }] = await em.query<{ empty: boolean }[]>(
        'SELECT NOT EXISTS (SELECT 1 FROM location) AND NOT EXISTS (SELECT 1 FROM product) AS empty',
      );
      if (!empty) return false;
      await this.loader.load({ products: DEMO_PRODUCTS, locations: 22 });
      const password = this.config.isProduction ? randomBytes(12).toString('base64url') : DEMO_STAFF_PASSWORD;
      const hash = await this.hasher.hash(password);
      await em.query(
        `INSERT INTO staff (email, password_hash, name, role, location_id)
         SELECT e, $1, n, r, (SELECT id FROM location WHERE code = c)
         FROM (VALUES ('demo.admin@example.com', 'Demo admin', $2, NULL),
                      ('manager.marais@example.com', 'Marais manager', $3, 'PAR-MARAIS'),
                      ('associate.marais@example.com', 'Marais associate', $4, 'PAR-MARAIS')) AS t(e, n, r, c)
         ON CONFLICT DO NOTHING`,
        [hash, StaffRole.ADMIN, StaffRole.MANAGER, StaffRole.ASSOCIATE],
      );
      this.logger.log(`demo data loaded; demo staff sign in with password ${password}`);
      return true;
    });
  }
}
