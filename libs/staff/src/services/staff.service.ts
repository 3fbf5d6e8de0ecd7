import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditAction, AuditLog } from '@app/audit';
import {
  type AccountState,
  type AccountStore,
  type Caller,
  PasswordHasher,
  requireStaff,
  Sessions,
  StaffRole,
  TokenService,
} from '@app/auth';
import {
  BusinessError,
  ErrorCode,
  forbidden,
  type HasLoaders,
  isUuid,
  byKeys,
  loader,
  notFound,
  pgCode,
  PG_UNIQUE_VIOLATION,
  TransactionHost,
} from '@app/common';
import { AppConfig } from '@app/config';
import { LocationsService } from '@app/locations';
import { In } from 'typeorm';
import { StaffCreateInput, StaffLoginInput, StaffUpdateInput } from '../dto/staff.inputs.js';
import { StaffEntity } from '../entities/staff.entity.js';

/**
 * Staff accounts: sign-in, creation and changes by admins (managers for associates of their own store),
 * deactivation, the bootstrap admin. The staff table is the account store auth checks tokens against:
 * a change here publishes a session change, and every process stops trusting the old state at once.
 */
@Injectable()
export class StaffService implements AccountStore, OnModuleInit {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly sessions: Sessions,
    private readonly locations: LocationsService,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.sessions.register('staff', this);
  }

  private get repo() {
    return this.tx.manager.getRepository(StaffEntity);
  }

  async login(input: StaffLoginInput): Promise<{ token: string; staff: StaffEntity }> {
    const found = await this.withHash(input.email);
    const ok = await this.hasher.verify(input.password, found?.passwordHash);
    if (!found || !ok || !found.active) throw new BusinessError(ErrorCode.INVALID_CREDENTIALS, 'Wrong email or password');
    return { token: await this.tokens.sign('staff', found.id, found.tokenVersion), staff: found };
  }

  async create(caller: Caller, input: StaffCreateInput): Promise<StaffEntity> {
    const me = requireStaff(caller, [StaffRole.ADMIN, StaffRole.MANAGER]);
    const managerCreatingAssociateHere =
      me.role === StaffRole.MANAGER && input.role === StaffRole.ASSOCIATE && input.locationId === me.locationId;
    if (me.role !== StaffRole.ADMIN && !managerCreatingAssociateHere)
      throw forbidden('Managers may add associates to their own store only');
    await this.checkHome(input.role, input.locationId ?? null);
    const passwordHash = await this.hasher.hash(input.password);
    return this.tx.run(async () => {
      const created = await this.insert({ ...input, passwordHash });
      await this.audit.record({
        action: AuditAction.STAFF_CREATED,
        staffId: me.staffId,
        subjectType: 'Staff',
        subjectId: created.id,
        before: null,
        after: { email: created.email, ...auditedOf(created) },
      });
      return created;
    });
  }

  /** Admins change a member's name, role, home store or active flag; a new role or store applies to their next request. */
  async update(caller: Caller, id: string, input: StaffUpdateInput): Promise<StaffEntity> {
    const me = requireStaff(caller, [StaffRole.ADMIN]);
    return this.tx.run(async () => {
      const member = await this.locked(id);
      const after = {
        name: input.name !== undefined ? input.name : member.name,
        role: input.role ?? member.role,
        locationId: input.locationId !== undefined ? input.locationId : member.locationId,
        active: input.active ?? member.active,
      };
      await this.checkHome(after.role, after.locationId);
      if (!after.active && me.staffId === id) throw cannotDeactivateSelf();
      await this.tx.manager.query(
        `UPDATE staff SET name = $2, role = $3, location_id = $4, active = $5,
           token_version = token_version + CASE WHEN $5 THEN 0 ELSE 1 END
         WHERE id = $1`,
        [id, after.name, after.role, after.locationId, after.active],
      );
      await this.audit.record({
        action: AuditAction.STAFF_UPDATED,
        staffId: me.staffId,
        subjectType: 'Staff',
        subjectId: id,
        before: auditedOf(member),
        after,
      });
      this.sessions.changed('staff', id);
      return (await this.repo.findOneBy({ id }))!;
    });
  }

  /** The member can no longer sign in, and the tokens they hold stop working at once. Admins; managers for associates of their store. */
  async deactivate(caller: Caller, id: string): Promise<StaffEntity> {
    const me = requireStaff(caller, [StaffRole.ADMIN, StaffRole.MANAGER]);
    return this.tx.run(async () => {
      const member = await this.locked(id);
      if (member.id === me.staffId) throw cannotDeactivateSelf();
      if (me.role !== StaffRole.ADMIN && !(member.role === StaffRole.ASSOCIATE && member.locationId === me.locationId)) {
        throw forbidden('Managers may deactivate associates of their own store only');
      }
      if (!member.active) return member;
      await this.tx.manager.query(`UPDATE staff SET active = false, token_version = token_version + 1 WHERE id = $1`, [id]);
      await this.audit.record({
        action: AuditAction.STAFF_DEACTIVATED,
        staffId: me.staffId,
        subjectType: 'Staff',
        subjectId: id,
        before: auditedOf(member),
        after: { ...auditedOf(member), active: false },
      });
      this.sessions.changed('staff', id);
      return (await this.repo.findOneBy({ id }))!;
    });
  }

  /**
   * Who works where: admins see any location's members (or all, without one); managers only their own
   * location's; associates none. Inactive members are included, so a leaver is seen as such.
   */
  async members(caller: Caller, locationId: string | null): Promise<StaffEntity[]> {
    const me = requireStaff(caller, [StaffRole.ADMIN, StaffRole.MANAGER]);
    if (me.role !== StaffRole.ADMIN && (locationId === null || locationId !== me.locationId))
      throw forbidden('Managers list the staff of their own location only');
    if (locationId !== null && !isUuid(locationId)) throw notFound('Location');
    const qb = this.repo.createQueryBuilder('s').orderBy('s.email', 'ASC').addOrderBy('s.id', 'ASC').limit(MAX_MEMBERS);
    if (locationId !== null) qb.where('s.location_id = :locationId', { locationId });
    return qb.getMany();
  }

  async state(id: string): Promise<AccountState | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.tx.manager.query<AccountState[]>(
      `SELECT token_version AS version, active, role, location_id AS "locationId" FROM staff WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async passwordHash(id: string): Promise<string | null> {
    const [found] = isUuid(id)
      ? await this.tx.manager.query<{ hash: string }[]>(`SELECT password_hash AS hash FROM staff WHERE id = $1`, [id])
      : [];
    return found?.hash ?? null;
  }

  /** On start: the ADMIN_EMAIL account, created once if no staff has that email. */
  async ensureBootstrapAdmin(): Promise<void> {
    const email = this.config.get('ADMIN_EMAIL');
    const password = this.config.get('ADMIN_PASSWORD');
    if (!email || !password) return;
    if (await this.repo.createQueryBuilder('s').where('lower(s.email) = lower(:email)', { email }).getExists()) return;
    try {
      await this.insert({ email, role: StaffRole.ADMIN, name: 'Administrator', passwordHash: await this.hasher.hash(password) });
      this.logger.log(`created the bootstrap admin ${email}`);
    } catch (err) {
      // Another process created it first.
      if (!(err instanceof BusinessError)) throw err;
    }
  }

  load(ctx: HasLoaders, id: string): Promise<StaffEntity | null> {
    return loader<string, StaffEntity>(ctx, 'staff', async (ids) =>
      byKeys(ids, await this.repo.findBy({ id: In(ids.filter(isUuid)) }), (s) => s.id),
    ).load(id);
  }

  private withHash(email: string): Promise<StaffEntity | null> {
    return this.repo
      .createQueryBuilder('s')
      .addSelect('s.passwordHash')
      .where('lower(s.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  private async locked(id: string): Promise<StaffEntity> {
    const member = isUuid(id)
      ? await this.repo.createQueryBuilder('s').where('s.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!member) throw notFound('Staff member');
    return member;
  }

  private async checkHome(role: StaffRole, locationId: string | null): Promise<void> {
    if (role !== StaffRole.ADMIN && !locationId)
      throw new BusinessError(ErrorCode.LOCATION_REQUIRED, 'Associates and managers need a home location', ['locationId']);
    if (locationId && !(await this.locations.find(locationId)))
      throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
  }

  /** Moves the token version on (and sets a new password hash when given), in one transaction with its event. */
  endSessions(id: string, passwordHash: string | null = null): Promise<AccountState> {
    return this.tx.run(async (em) => {
      const [[row]] = await em.query<[AccountState[], number]>(
        `UPDATE staff SET token_version = token_version + 1, password_hash = COALESCE($2, password_hash) WHERE id = $1
         RETURNING token_version AS version, active, role, location_id AS "locationId"`,
        [id, passwordHash],
      );
      this.sessions.changed('staff', id);
      return row;
    });
  }

  private async insert(s: {
    email: string;
    role: StaffRole;
    name?: string | null;
    locationId?: string | null;
    passwordHash: string;
  }): Promise<StaffEntity> {
    try {
      return await this.repo.save(
        this.repo.create({
          email: s.email.trim(),
          role: s.role,
          name: s.name ?? null,
          locationId: s.locationId ?? null,
          passwordHash: s.passwordHash,
          active: true,
          tokenVersion: 0,
        }),
      );
    } catch (err) {
      if (pgCode(err) === PG_UNIQUE_VIOLATION)
        throw new BusinessError(ErrorCode.DUPLICATE, 'A staff account with this email already exists', ['email']);
      throw err;
    }
  }
}

/** A list is a screen's worth; a chain with more staff than this filters by location. */
const MAX_MEMBERS = 1_000;

const auditedOf = (s: StaffEntity) => ({ name: s.name, role: s.role, locationId: s.locationId, active: s.active });

const cannotDeactivateSelf = () =>
  new BusinessError(ErrorCode.INVALID_STATE, 'You cannot deactivate your own account; ask another admin', ['id']);
