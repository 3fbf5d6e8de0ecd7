import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditAction, AuditLog } from '@app/audit';
import {
  type AccountState,
  type AccountStore,
  type Caller,
  isStaff,
  PasswordHasher,
  requireStaff,
  type SalesChannel,
  Sessions,
  StaffRole,
  TokenService,
} from '@app/auth';
import {
  badInput,
  BusinessError,
  forbidden,
  unauthenticated,
  byKeys,
  ErrorCode,
  type HasLoaders,
  isUuid,
  loader,
  notFound,
  pgCode,
  PG_UNIQUE_VIOLATION,
  TransactionHost,
} from '@app/common';
import { AppConfig, type PhoneRegion } from '@app/config';
import { type CustomerUpdateInput, type LoginInput, type RegisterInput } from '../dto/customer.inputs.js';
import { CustomerEntity } from '../entities/customer.entity.js';
import { CustomerErasure } from './customer-erasure.js';
import { looksLikePhone, normalisePhone } from './phone.js';

/** Look-ups answer at most this many customers: staff narrow the query rather than scroll. */
export const LOOKUP_LIMIT = 20;
/** What replaces an erased customer's password hash: not a hash, so no password ever matches it. */
const ERASED_PASSWORD = 'erased';
/** The non-personal, unique email an erased account keeps (Customer.email is non-null; `.invalid` never delivers). */
export const erasedEmail = (id: string): string => `erased-${id}@erased.invalid`;
/** Accents folded as the migration's generated search_name folds them (1765310000000-back-office-people.ts). */
const FOLD_FROM = 'àáâãäåāçćčèéêëēěìíîïīñńòóôõöøōùúûüūýÿžšśłÀÁÂÃÄÅĀÇĆČÈÉÊËĒĚÌÍÎÏĪÑŃÒÓÔÕÖØŌÙÚÛÜŪÝŸŽŠŚŁ';
const FOLD_TO = 'aaaaaaaccceeeeeeiiiiinnooooooouuuuuyyzsslaaaaaaaccceeeeeeiiiiinnooooooouuuuuyyzssl';

/**
 * Customer accounts: sign-up, sign-in, and look-ups for staff serving a customer. The customer table is
 * the account store auth checks customer tokens against (sign-out and password changes end sessions).
 */
@Injectable()
export class CustomersService implements AccountStore, OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly sessions: Sessions,
    private readonly audit: AuditLog,
    private readonly erasure: CustomerErasure,
    config: AppConfig,
  ) {
    this.region = config.get('DEFAULT_PHONE_REGION');
  }

  private readonly region: PhoneRegion;

  onModuleInit(): void {
    this.sessions.register('customer', this);
  }

  private get repo() {
    return this.tx.manager.getRepository(CustomerEntity);
  }

  /** Creates the account; the email is unique without regard to case (DUPLICATE otherwise). */
  async register(input: RegisterInput, channel: SalesChannel): Promise<CustomerEntity> {
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.repo.save(
        this.repo.create({
          email: input.email.trim(),
          passwordHash,
          name: input.name?.trim() || null,
          phone: input.phone ?? null,
          createdVia: channel,
          tokenVersion: 0,
          marketingEmail: false,
          marketingEmailAt: null,
          marketingSms: false,
          marketingSmsAt: null,
          marketingChannel: null,
          marketingStaffId: null,
          erasedAt: null,
        }),
      );
    } catch (err) {
      if (pgCode(err) === PG_UNIQUE_VIOLATION)
        throw new BusinessError(ErrorCode.DUPLICATE, 'An account with this email already exists', ['email']);
      throw err;
    }
  }

  /** The customer for these credentials, or INVALID_CREDENTIALS (the same for an unknown email and a wrong password). */
  async authenticate(input: LoginInput): Promise<CustomerEntity> {
    const found = await this.repo
      .createQueryBuilder('c')
      .addSelect('c.passwordHash')
      .where('lower(c.email) = lower(:email)', { email: input.email.trim() })
      .andWhere('c.erased_at IS NULL')
      .getOne();
    const ok = await this.hasher.verify(input.password, found?.passwordHash);
    if (!found || !ok) throw new BusinessError(ErrorCode.INVALID_CREDENTIALS, 'Wrong email or password');
    return found;
  }

  token(customer: CustomerEntity): Promise<string> {
    return this.tokens.sign('customer', customer.id, customer.tokenVersion);
  }

  async state(id: string): Promise<AccountState | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.tx.manager.query<{ version: number; active: boolean }[]>(
      `SELECT token_version AS version, erased_at IS NULL AS active FROM customer WHERE id = $1`,
      [id],
    );
    return row ? { version: row.version, active: row.active, role: null, locationId: null } : null;
  }

  async passwordHash(id: string): Promise<string | null> {
    const [found] = isUuid(id)
      ? await this.tx.manager.query<{ hash: string }[]>(`SELECT password_hash AS hash FROM customer WHERE id = $1`, [id])
      : [];
    return found?.hash ?? null;
  }

  /** Moves the token version on (and sets a new password hash when given), in one transaction with its event. */
  endSessions(id: string, passwordHash: string | null = null): Promise<AccountState> {
    return this.tx.run(async (em) => {
      const [[row]] = await em.query<[{ version: number }[], number]>(
        `UPDATE customer SET token_version = token_version + 1, password_hash = COALESCE($2, password_hash)
         WHERE id = $1 RETURNING token_version AS version`,
        [id, passwordHash],
      );
      this.sessions.changed('customer', id);
      return { version: row.version, active: true, role: null, locationId: null };
    });
  }

  /**
   * Takes the customer's row lock in the caller's transaction: what must happen once per customer (their
   * one active cart coming to be, at first use or at sign-in) takes turns behind it.
   */
  async lock(id: string): Promise<void> {
    await this.tx.manager.query(`SELECT 1 FROM customer WHERE id = $1 FOR UPDATE`, [id]);
  }

  find(id: string): Promise<CustomerEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  async get(id: string): Promise<CustomerEntity> {
    const found = await this.find(id);
    if (!found) throw notFound('Customer');
    return found;
  }

  /**
   * Staff: customers as staff type them, at most LOOKUP_LIMIT, never an erased one. With an `@`: the email,
   * trimmed, any case. Digits and separators: the phone in any common format ("+33 6 12 34 56 78",
   * "06 12 34 56 78" in DEFAULT_PHONE_REGION, "0033612345678"). Anything else (2 characters or more): the
   * beginning of the name, any case, accents folded, by the IDX_customer_search_name index.
   */
  async lookup(caller: Caller, query: string): Promise<CustomerEntity[]> {
    requireStaff(caller);
    const q = query.trim();
    const qb = this.repo.createQueryBuilder('c').where('c.erased_at IS NULL').limit(LOOKUP_LIMIT);
    if (q.includes('@')) return qb.andWhere('lower(c.email) = lower(:q)', { q }).getMany();
    if (looksLikePhone(q)) {
      const phone = normalisePhone(q, this.region);
      return phone ? qb.andWhere('c.phone = :phone', { phone }).orderBy('c.created_at', 'ASC').getMany() : [];
    }
    if ([...q].length < 2) return [];
    const prefix = q.replace(/[\\%_]/g, (m) => `\\${m}`);
    return qb
      .andWhere(`c.search_name LIKE translate(lower(:prefix), '${FOLD_FROM}', '${FOLD_TO}') || '%'`, { prefix })
      .orderBy('c.search_name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /**
   * The customer themselves, or any staff member: name, phone (any common format, stored in E.164) and
   * marketing consent. Each consent channel given is dated now and recorded with where it was collected
   * (the request's channel, and the staff member if staff). Audited as CUSTOMER_UPDATED with the changed
   * fields (staff null when the customer changed their own account). Another customer: FORBIDDEN.
   */
  async update(caller: Caller, channel: SalesChannel, id: string, input: CustomerUpdateInput): Promise<CustomerEntity> {
    if (caller.kind === 'guest') throw unauthenticated();
    if (caller.kind === 'customer' && caller.customerId !== id) throw forbidden('Customers change their own account only');
    const phone = input.phone === undefined || input.phone === null ? input.phone : normalisePhone(input.phone, this.region);
    if (phone === null && input.phone !== null && input.phone !== undefined)
      throw badInput('phone must be a phone number, e.g. +33 6 12 34 56 78', ['input', 'phone']);
    const staffId = isStaff(caller) ? caller.staffId : null;
    return this.tx.run(async () => {
      const found = await this.locked(id);
      if (found.erasedAt) throw erased();
      const next: Partial<CustomerEntity> = {};
      if (input.name !== undefined) next.name = input.name?.trim() || null;
      if (phone !== undefined) next.phone = phone;
      const consent = input.marketingConsent;
      const now = new Date();
      if (consent && (consent.email != null || consent.sms != null)) {
        if (consent.email != null) Object.assign(next, { marketingEmail: consent.email, marketingEmailAt: now });
        if (consent.sms != null) Object.assign(next, { marketingSms: consent.sms, marketingSmsAt: now });
        Object.assign(next, { marketingChannel: channel, marketingStaffId: staffId });
      }
      const keys = Object.keys(next) as (keyof CustomerEntity)[];
      if (!keys.length) return found;
      await this.repo.update({ id }, next);
      const changed = keys.filter((k) => !k.endsWith('At') && k !== 'marketingChannel' && k !== 'marketingStaffId' && next[k] !== found[k]);
      if (changed.length)
        await this.audit.record({
          action: AuditAction.CUSTOMER_UPDATED,
          staffId,
          subjectType: 'Customer',
          subjectId: id,
          before: Object.fromEntries(changed.map((k) => [k, found[k]])),
          after: { ...Object.fromEntries(changed.map((k) => [k, next[k]])), ...(next.marketingChannel ? { collectedVia: channel } : {}) },
        });
      return (await this.repo.findOneBy({ id }))!;
    });
  }

  /**
   * Admins: the right to erasure, in one transaction. The account's email becomes a non-personal
   * placeholder, its name, phone, consent and password go, every token it holds stops working at once and
   * it can never sign in again; each lib that keeps the customer's personal data (carts, orders' contact
   * and address, notifications' recipients and contents) erases its own rows through CustomerErasure; the
   * audit log's entries about the customer lose their values. Orders stay, with their amounts, lines and
   * status, for the accounts. Audited as CUSTOMER_ERASED without personal data. A second erasure is
   * refused (CUSTOMER_ERASED): the first one already did everything.
   */
  async erase(caller: Caller, id: string): Promise<CustomerEntity> {
    const me = requireStaff(caller, [StaffRole.ADMIN]);
    return this.tx.run(async () => {
      const found = await this.locked(id);
      if (found.erasedAt) throw erased();
      const placeholder = erasedEmail(id);
      await this.erasure.eraseAll({ id, email: found.email, placeholder });
      await this.tx.manager.query(
        `UPDATE customer SET email = $2, name = NULL, phone = NULL, password_hash = $3,
           marketing_email = false, marketing_email_at = NULL, marketing_sms = false, marketing_sms_at = NULL,
           marketing_channel = NULL, marketing_staff_id = NULL, erased_at = now(), token_version = token_version + 1
         WHERE id = $1`,
        [id, placeholder, ERASED_PASSWORD],
      );
      await this.audit.redactSubject('Customer', id);
      await this.audit.record({
        action: AuditAction.CUSTOMER_ERASED,
        staffId: me.staffId,
        subjectType: 'Customer',
        subjectId: id,
        before: { erased: false },
        after: { erased: true, erasedBy: this.erasure.registered },
      });
      this.sessions.changed('customer', id);
      return (await this.repo.findOneBy({ id }))!;
    });
  }

  private async locked(id: string): Promise<CustomerEntity> {
    const found = isUuid(id)
      ? await this.repo.createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!found) throw notFound('Customer');
    return found;
  }

  load(ctx: HasLoaders, id: string): Promise<CustomerEntity | null> {
    return loader<string, CustomerEntity>(ctx, 'customer', async (ids) =>
      byKeys(ids, await this.repo.findBy({ id: In(ids.filter(isUuid)) }), (c) => c.id),
    ).load(id);
  }
}

const erased = () => new BusinessError(ErrorCode.CUSTOMER_ERASED, "This customer's personal data was erased", ['id']);
