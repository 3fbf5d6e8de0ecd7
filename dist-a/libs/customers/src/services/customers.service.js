var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { PasswordHasher, requireStaff, TokenService } from '../../../auth/src/index.js';
import { BusinessError, byKeys, ErrorCode, isUuid, loader, notFound, pgCode, PG_UNIQUE_VIOLATION, TransactionHost } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
import { E164 } from '../dto/customer.inputs.js';
import { CustomerEntity } from '../entities/customer.entity.js';
/** Customer accounts: sign-up, sign-in, and look-ups for staff serving a customer. */
let CustomersService = class CustomersService {
    tx;
    hasher;
    tokens;
    config;
    constructor(tx, hasher, tokens, config) {
        this.tx = tx;
        this.hasher = hasher;
        this.tokens = tokens;
        this.config = config;
    }
    get repo() {
        return this.tx.manager.getRepository(CustomerEntity);
    }
    /** Creates the account; the email is unique without regard to case (DUPLICATE otherwise). */
    async register(input, channel) {
        const passwordHash = await this.hasher.hash(input.password);
        try {
            return await this.repo.save(this.repo.create({
                email: input.email.trim(), passwordHash, name: input.name?.trim() || null, phone: input.phone ?? null, createdVia: channel,
            }));
        }
        catch (err) {
            if (pgCode(err) === PG_UNIQUE_VIOLATION)
                throw new BusinessError(ErrorCode.DUPLICATE, 'An account with this email already exists', ['email']);
            throw err;
        }
    }
    /** The customer for these credentials, or INVALID_CREDENTIALS (the same for an unknown email and a wrong password). */
    async authenticate(input) {
        const found = await this.repo.createQueryBuilder('c').addSelect('c.passwordHash')
            .where('lower(c.email) = lower(:email)', { email: input.email.trim() }).getOne();
        const ok = await this.hasher.verify(input.password, found?.passwordHash);
        if (!found || !ok)
            throw new BusinessError(ErrorCode.INVALID_CREDENTIALS, 'Wrong email or password');
        return found;
    }
    token(customer) {
        return this.tokens.signCustomer(customer.id, this.config.get('CUSTOMER_TOKEN_TTL_SECONDS'));
    }
    find(id) {
        return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
    }
    async get(id) {
        const found = await this.find(id);
        if (!found)
            throw notFound('Customer');
        return found;
    }
    /** Staff: the customers with exactly this email (any case) or phone (spaces, dots, dashes and a 00 prefix allowed). */
    lookup(caller, query) {
        requireStaff(caller);
        const q = query.trim();
        if (q.includes('@'))
            return this.repo.createQueryBuilder('c').where('lower(c.email) = lower(:q)', { q }).getMany();
        const phone = normalisePhone(q);
        return phone ? this.repo.find({ where: { phone }, order: { createdAt: 'ASC' }, take: 20 }) : Promise.resolve([]);
    }
    load(ctx, id) {
        return loader(ctx, 'customer', async (ids) => byKeys(ids, await this.repo.findBy({ id: In(ids.filter(isUuid)) }), (c) => c.id)).load(id);
    }
};
CustomersService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        PasswordHasher,
        TokenService,
        AppConfig])
], CustomersService);
export { CustomersService };
/** "+33 6 12-34.56.78" or "0033612345678" → "+33612345678"; null when it cannot be an E.164 number. */
export function normalisePhone(raw) {
    const compact = raw.replace(/[\s().-]/g, '').replace(/^00/, '+');
    return E164.test(compact) ? compact : null;
}
//# sourceMappingURL=customers.service.js.map