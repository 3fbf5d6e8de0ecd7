var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var StaffService_1;
import { Injectable, Logger } from '@nestjs/common';
import { PasswordHasher, requireStaff, StaffRole, TokenService } from '../../../auth/src/index.js';
import { BusinessError, ErrorCode, forbidden, isUuid, byKeys, loader, pgCode, PG_UNIQUE_VIOLATION, TransactionHost } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
import { LocationsService } from '../../../locations/src/index.js';
import { In } from 'typeorm';
import { StaffCreateInput, StaffLoginInput } from '../dto/staff.inputs.js';
import { StaffEntity } from '../entities/staff.entity.js';
/** Staff accounts: sign-in, creation by admins (and by managers for their own store), the bootstrap admin. */
let StaffService = StaffService_1 = class StaffService {
    tx;
    hasher;
    tokens;
    locations;
    config;
    logger = new Logger(StaffService_1.name);
    constructor(tx, hasher, tokens, locations, config) {
        this.tx = tx;
        this.hasher = hasher;
        this.tokens = tokens;
        this.locations = locations;
        this.config = config;
    }
    get repo() {
        return this.tx.manager.getRepository(StaffEntity);
    }
    async login(input) {
        const found = await this.repo.createQueryBuilder('s').addSelect('s.passwordHash')
            .where('lower(s.email) = lower(:email)', { email: input.email.trim() }).getOne();
        const ok = await this.hasher.verify(input.password, found?.passwordHash);
        if (!found || !ok || !found.active)
            throw new BusinessError(ErrorCode.INVALID_CREDENTIALS, 'Wrong email or password');
        const token = await this.tokens.signStaff(found, this.config.get('STAFF_TOKEN_TTL_SECONDS'));
        return { token, staff: found };
    }
    async create(caller, input) {
        const me = requireStaff(caller, [StaffRole.ADMIN, StaffRole.MANAGER]);
        const managerCreatingAssociateHere = me.role === StaffRole.MANAGER && input.role === StaffRole.ASSOCIATE && input.locationId === me.locationId;
        if (me.role !== StaffRole.ADMIN && !managerCreatingAssociateHere)
            throw forbidden('Managers may add associates to their own store only');
        if (input.role !== StaffRole.ADMIN && !input.locationId)
            throw new BusinessError(ErrorCode.LOCATION_REQUIRED, 'Associates and managers need a home location', ['locationId']);
        if (input.locationId && !(await this.locations.find(input.locationId)))
            throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
        return this.insert({ ...input, passwordHash: await this.hasher.hash(input.password) });
    }
    /** On start: the ADMIN_EMAIL account, created once if no staff has that email. */
    async ensureBootstrapAdmin() {
        const email = this.config.get('ADMIN_EMAIL');
        const password = this.config.get('ADMIN_PASSWORD');
        if (!email || !password)
            return;
        if (await this.repo.createQueryBuilder('s').where('lower(s.email) = lower(:email)', { email }).getExists())
            return;
        try {
            await this.insert({ email, role: StaffRole.ADMIN, name: 'Administrator', passwordHash: await this.hasher.hash(password) });
            this.logger.log(`created the bootstrap admin ${email}`);
        }
        catch (err) {
            // Another process created it first.
            if (!(err instanceof BusinessError))
                throw err;
        }
    }
    load(ctx, id) {
        return loader(ctx, 'staff', async (ids) => byKeys(ids, await this.repo.findBy({ id: In(ids.filter(isUuid)) }), (s) => s.id)).load(id);
    }
    async insert(s) {
        try {
            return await this.repo.save(this.repo.create({
                email: s.email.trim(), role: s.role, name: s.name ?? null, locationId: s.locationId ?? null, passwordHash: s.passwordHash, active: true,
            }));
        }
        catch (err) {
            if (pgCode(err) === PG_UNIQUE_VIOLATION)
                throw new BusinessError(ErrorCode.DUPLICATE, 'A staff account with this email already exists', ['email']);
            throw err;
        }
    }
};
StaffService = StaffService_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        PasswordHasher,
        TokenService,
        LocationsService,
        AppConfig])
], StaffService);
export { StaffService };
//# sourceMappingURL=staff.service.js.map