import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import {
  type AccountState,
  type AccountStore,
  type Caller,
  PasswordHasher,
  requireStaff,
  type SalesChannel,
  Sessions,
  TokenService,
} from '@app/auth';
import {
  BusinessError,
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
import { E164, type LoginInput, type RegisterInput } from '../dto/customer.inputs.js';
import { CustomerEntity } from '../entities/customer.entity.js';

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
  ) {}

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
    const [row] = await this.tx.manager.query<{ version: number }[]>(`SELECT token_version AS version FROM customer WHERE id = $1`, [id]);
    return row ? { version: row.version, active: true, role: null, locationId: null } : null;
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

  /** Staff: the customers with exactly this email (any case) or phone (spaces, dots, dashes and a 00 prefix allowed). */
  lookup(caller: Caller, query: string): Promise<CustomerEntity[]> {
    requireStaff(caller);
    const q = query.trim();
    if (q.includes('@')) return this.repo.createQueryBuilder('c').where('lower(c.email) = lower(:q)', { q }).getMany();
    const phone = normalisePhone(q);
    return phone ? this.repo.find({ where: { phone }, order: { createdAt: 'ASC' }, take: 20 }) : Promise.resolve([]);
  }

  load(ctx: HasLoaders, id: string): Promise<CustomerEntity | null> {
    return loader<string, CustomerEntity>(ctx, 'customer', async (ids) =>
      byKeys(ids, await this.repo.findBy({ id: In(ids.filter(isUuid)) }), (c) => c.id),
    ).load(id);
  }
}

/** "+33 6 12-34.56.78" or "0033612345678" → "+33612345678"; null when it cannot be an E.164 number. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, '').replace(/^00/, '+');
  return E164.test(compact) ? compact : null;
}
