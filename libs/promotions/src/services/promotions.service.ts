import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { badInput, BusinessError, ErrorCode, isUuid, pgCode, PG_UNIQUE_VIOLATION, TransactionHost } from '@app/common';
import { PromotionCreateInput } from '../dto/promotion-create.input.js';
import { PromotionEntity } from '../entities/promotion.entity.js';

/** Discount codes: creation by admins, look-up by code, and counting uses at checkout. */
@Injectable()
export class PromotionsService {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.manager.getRepository(PromotionEntity);
  }

  async create(input: PromotionCreateInput): Promise<PromotionEntity> {
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
      return await this.repo.save(
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
        }),
      );
    } catch (err) {
      if (pgCode(err) === PG_UNIQUE_VIOLATION)
        throw new BusinessError(ErrorCode.DUPLICATE, `A promotion with code ${input.code.toUpperCase()} already exists`, ['code']);
      throw err;
    }
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
