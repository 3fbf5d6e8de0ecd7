import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditAction, AuditLog } from '@app/audit';
import { type Caller, requireStaff, StaffRole } from '@app/auth';
import { badInput, BusinessError, Clock, ErrorCode, isUuid, notFound, pgCode, PG_UNIQUE_VIOLATION, TransactionHost } from '@app/common';
import { PromotionCreateInput } from '../dto/promotion-create.input.js';
import { PromotionUpdateInput } from '../dto/promotion-update.input.js';
import { PromotionEntity } from '../entities/promotion.entity.js';

/** Discount codes: creation by admins, look-up by code, and counting uses at checkout. */
@Injectable()
export class PromotionsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  private get repo() {
    return this.tx.manager.getRepository(PromotionEntity);
  }

  /** Admins: a new code, audited as PROMOTION_CREATED in the same transaction. */
  async create(caller: Caller, input: PromotionCreateInput): Promise<PromotionEntity> {
    const me = requireStaff(caller, [StaffRole.ADMIN]);
    if ((input.percentOff === undefined || input.percentOff === null) === (input.amountOff === undefined || input.amountOff === null)) {
      throw badInput('Give exactly one of percentOff and amountOff', ['percentOff']);
    }
    if (input.amountOff && input.amountOff.amount < 1) throw badInput('amountOff must be at least 1', ['amountOff', 'amount']);
    if (input.minSubtotal && input.minSubtotal.amount < 1) throw badInput('minSubtotal must be at least 1', ['minSubtotal', 'amount']);
    if (input.amountOff && input.minSubtotal && input.amountOff.currency !== input.minSubtotal.currency) {
      throw badInput('amountOff and minSubtotal must be in one currency', ['minSubtotal', 'currency']);
    }
    if (input.startsAt && input.endsAt && input.startsAt >= input.endsAt) throw badInput('endsAt must be after startsAt', ['endsAt']);
    try {
      return await this.tx.run(async () => {
        const created = await this.repo.save(
          this.repo.create({
            code: input.code,
            percentOff: input.percentOff ?? null,
            amountOff: input.amountOff?.amount ?? null,
            currency: input.amountOff?.currency ?? input.minSubtotal?.currency ?? null,
            channels: input.channels?.length ? [...new Set(input.channels)] : null,
            startsAt: input.startsAt ?? null,
            endsAt: input.endsAt ?? null,
            minSubtotal: input.minSubtotal?.amount ?? null,
            usageLimit: input.usageLimit ?? null,
            timesUsed: 0,
            active: true,
          }),
        );
        await this.audit.record({
          action: AuditAction.PROMOTION_CREATED,
          staffId: me.staffId,
          subjectType: 'Promotion',
          subjectId: created.id,
          before: null,
          after: {
            code: created.code,
            percentOff: created.percentOff,
            amountOff: created.amountOff,
            currency: created.currency,
            startsAt: created.startsAt,
            endsAt: created.endsAt,
            usageLimit: created.usageLimit,
          },
        });
        return created;
      });
    } catch (err) {
      if (pgCode(err) === PG_UNIQUE_VIOLATION)
        throw new BusinessError(ErrorCode.DUPLICATE, `A promotion with code ${input.code.toUpperCase()} already exists`, ['code']);
      throw err;
    }
  }

  /**
   * Admins (and managers, who answer customers at the till about codes): every promotion, newest first.
   * `activeOnly`: the codes that can still apply now: switched on, not ended, not used up (a code whose
   * start is still ahead is listed: it is on, just not yet).
   */
  list(caller: Caller, activeOnly: boolean): Promise<PromotionEntity[]> {
    requireStaff(caller, [StaffRole.ADMIN, StaffRole.MANAGER]);
    const qb = this.repo.createQueryBuilder('p').orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').limit(MAX_LISTED);
    if (activeOnly)
      qb.where('p.active')
        .andWhere('(p.ends_at IS NULL OR p.ends_at > :now)', { now: this.clock.date() })
        .andWhere('(p.usage_limit IS NULL OR p.times_used < p.usage_limit)');
    return qb.getMany();
  }

  /**
   * Admins change a promotion's end, usage limit or active flag. The row is locked, so a checkout counting
   * a use waits and the limit is checked against the uses as they stand (USAGE_LIMIT_BELOW_USES); audited
   * as PROMOTION_UPDATED with the changed fields. Carts read promotions afresh whenever they are priced,
   * so a code switched off or ended stops discounting every cart holding it at once (nothing caches them).
   */
  async update(caller: Caller, id: string, input: PromotionUpdateInput): Promise<PromotionEntity> {
    const me = requireStaff(caller, [StaffRole.ADMIN]);
    return this.tx.run(async () => {
      const found = isUuid(id)
        ? await this.repo.createQueryBuilder('p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne()
        : null;
      if (!found) throw notFound('Promotion');
      const next: Partial<Pick<PromotionEntity, 'endsAt' | 'usageLimit' | 'active'>> = {};
      if (input.endsAt !== undefined) {
        if (input.endsAt && found.startsAt && input.endsAt <= found.startsAt) throw badInput('endsAt must be after startsAt', ['endsAt']);
        next.endsAt = input.endsAt;
      }
      if (input.usageLimit !== undefined) {
        if (input.usageLimit !== null && input.usageLimit < found.timesUsed)
          throw new BusinessError(
            ErrorCode.USAGE_LIMIT_BELOW_USES,
            `${found.code} has been used ${found.timesUsed} times: the limit cannot be lower`,
            ['usageLimit'],
          );
        next.usageLimit = input.usageLimit;
      }
      if (input.active !== undefined && input.active !== null) next.active = input.active;
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !same(next[k], found[k]));
      if (!changed.length) return found;
      await this.repo.update({ id }, Object.fromEntries(changed.map((k) => [k, next[k]])));
      await this.audit.record({
        action: AuditAction.PROMOTION_UPDATED,
        staffId: me.staffId,
        subjectType: 'Promotion',
        subjectId: id,
        before: Object.fromEntries(changed.map((k) => [k, found[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      });
      return (await this.repo.findOneBy({ id }))!;
    });
  }

  /** The promotions with these codes (any case), keyed by upper-cased code. */
  async findByCodes(codes: string[]): Promise<Map<string, PromotionEntity>> {
    if (!codes.length) return new Map();
    const rows = await this.repo
      .createQueryBuilder('p')
      .where('upper(p.code) = ANY(:codes)', { codes: codes.map((c) => c.toUpperCase()) })
      .getMany();
    return new Map(rows.map((p) => [p.code.toUpperCase(), p]));
  }

  findByIds(ids: string[]): Promise<PromotionEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.repo.findBy({ id: In(valid) }) : Promise.resolve([]);
  }

  /**
   * Counts one use of each promotion, in the caller's transaction, with a guarded update so two
   * checkouts can never both take the last use. Returns the ids that were used up (nothing counted then).
   */
  async redeem(ids: string[]): Promise<string[]> {
    const usedUp: string[] = [];
    for (const id of [...ids].sort()) {
      // TypeORM answers an UPDATE with [rows, count].
      const [rows] = await this.tx.manager.query<[{ id: string }[], number]>(
        `UPDATE promotion SET times_used = times_used + 1 WHERE id = $1 AND (usage_limit IS NULL OR times_used < usage_limit) RETURNING id`,
        [id],
      );
      if (!rows.length) usedUp.push(id);
    }
    return usedUp;
  }
}

/** More promotions than a back-office screen shows; older ones are past. */
const MAX_LISTED = 1_000;

const same = (a: unknown, b: unknown): boolean =>
  a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : a === b;
