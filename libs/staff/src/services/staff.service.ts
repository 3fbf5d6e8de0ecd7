import { Injectable, Logger } from '@nestjs/common';
import { type Caller, PasswordHasher, requireStaff, StaffRole, TokenService } from '@app/auth';
import { BusinessError, ErrorCode, forbidden, type HasLoaders, isUuid, byKeys, loader, pgCode, PG_UNIQUE_VIOLATION, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { LocationsService } from '@app/locations';
import { In } from 'typeorm';
import { StaffCreateInput, StaffLoginInput } from '../dto/staff.inputs.js';
import { StaffEntity } from '../entities/staff.entity.js';

/** Staff accounts: sign-in, creation by admins (and by managers for their own store), the bootstrap admin. */
@Injectable()
export class StaffService {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly locations: LocationsService,
    private readonly config: AppConfig,
  ) {}

  private get repo() {
    return this.tx.manager.getRepository(StaffEntity);
  }

  async login(input: StaffLoginInput): Promise<{ token: string; staff: StaffEntity }> {
    const found = await this.repo.createQueryBuilder('s').addSelect('s.passwordHash')
      .where('lower(s.email) = lower(:email)', { email: input.email.trim() }).getOne();
    const ok = await this.hasher.verify(input.password, found?.passwordHash);
    if (!found || !ok || !found.active) throw new BusinessError(ErrorCode.INVALID_CREDENTIALS, 'Wrong email or password');
    const token = await this.tokens.signStaff(found, this.config.get('STAFF_TOKEN_TTL_SECONDS'));
    return { token, staff: found };
  }

  async create(caller: Caller, input: StaffCreateInput): Promise<StaffEntity> {
    const me = requireStaff(caller, [StaffRole.ADMIN, StaffRole.MANAGER]);
    const managerCreatingAssociateHere = me.role === StaffRole.MANAGER && input.role === StaffRole.ASSOCIATE && input.locationId === me.locationId;
    if (me.role !== StaffRole.ADMIN && !managerCreatingAssociateHere) throw forbidden('Managers may add associates to their own store only');
    if (input.role !== StaffRole.ADMIN && !input.locationId) throw new BusinessError(ErrorCode.LOCATION_REQUIRED, 'Associates and managers need a home location', ['locationId']);
    if (input.locationId && !(await this.locations.find(input.locationId))) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
    return this.insert({ ...input, passwordHash: await this.hasher.hash(input.password) });
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
    return loader<string, StaffEntity>(ctx, 'staff', async (ids) => byKeys(ids, await this.repo.findBy({ id: In(ids.filter(isUuid)) }), (s) => s.id)).load(id);
  }

  private async insert(s: { email: string; role: StaffRole; name?: string | null; locationId?: string | null; passwordHash: string }): Promise<StaffEntity> {
    try {
      return await this.repo.save(this.repo.create({
        email: s.email.trim(), role: s.role, name: s.name ?? null, locationId: s.locationId ?? null, passwordHash: s.passwordHash, active: true,
      }));
    } catch (err) {
      if (pgCode(err) === PG_UNIQUE_VIOLATION) throw new BusinessError(ErrorCode.DUPLICATE, 'A staff account with this email already exists', ['email']);
      throw err;
    }
  }
}
