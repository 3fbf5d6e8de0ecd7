var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var DemoDataService_1;
import { Injectable, Logger } from '@nestjs/common';
import { PasswordHasher, StaffRole } from '../../auth/src/index.js';
import { TransactionHost } from '../../common/src/index.js';
import { BulkLoader } from './bulk-loader.service.js';
const DEMO_LOCK = 724_311_902;
export const DEMO_STAFF_PASSWORD = 'demo-password-1';
export const DEMO_PRODUCTS = 200;
/**
 * The demo retailer for a newcomer's first start: 200 products in sizes, 20 stores in French cities,
 * 2 warehouses, uneven stock, and three demo staff accounts. Loaded only into an empty database.
 */
let DemoDataService = DemoDataService_1 = class DemoDataService {
    tx;
    loader;
    hasher;
    logger = new Logger(DemoDataService_1.name);
    constructor(tx, loader, hasher) {
        this.tx = tx;
        this.loader = loader;
        this.hasher = hasher;
    }
    async loadIfEmpty() {
        return this.tx.run(async (em) => {
            await em.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]); // several processes starting: one loads
            const [{ empty }] = await em.query('SELECT NOT EXISTS (SELECT 1 FROM location) AND NOT EXISTS (SELECT 1 FROM product) AS empty');
            if (!empty)
                return false;
            await this.loader.load({ products: DEMO_PRODUCTS, locations: 22 });
            const hash = await this.hasher.hash(DEMO_STAFF_PASSWORD);
            await em.query(`INSERT INTO staff (email, password_hash, name, role, location_id)
         SELECT e, $1, n, r, (SELECT id FROM location WHERE code = c)
         FROM (VALUES ('demo.admin@example.com', 'Demo admin', $2, NULL),
                      ('manager.marais@example.com', 'Marais manager', $3, 'PAR-MARAIS'),
                      ('associate.marais@example.com', 'Marais associate', $4, 'PAR-MARAIS')) AS t(e, n, r, c)
         ON CONFLICT DO NOTHING`, [hash, StaffRole.ADMIN, StaffRole.MANAGER, StaffRole.ASSOCIATE]);
            this.logger.log(`demo data loaded; demo staff sign in with password ${DEMO_STAFF_PASSWORD}`);
            return true;
        });
    }
};
DemoDataService = DemoDataService_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        BulkLoader,
        PasswordHasher])
], DemoDataService);
export { DemoDataService };
//# sourceMappingURL=demo-data.service.js.map