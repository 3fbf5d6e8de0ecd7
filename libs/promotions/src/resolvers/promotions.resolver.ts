import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly, StaffRole } from '@app/auth';
import { payload } from '@app/common';
import { PromotionCreateInput } from '../dto/promotion-create.input.js';
import { PromotionUpdateInput } from '../dto/promotion-update.input.js';
import { Promotion, PromotionPayload } from '../models/promotion.model.js';
import { PromotionsService } from '../services/promotions.service.js';

@Resolver(() => Promotion)
export class PromotionsResolver {
  constructor(private readonly codes: PromotionsService) {}

  @Mutation(() => PromotionPayload, { description: 'Admins: a new discount code.' })
  @StaffOnly(StaffRole.ADMIN)
  promotionCreate(@Ctx() ctx: RequestContext, @Args('input') input: PromotionCreateInput): Promise<PromotionPayload> {
    return payload('promotion', async () => Promotion.from(await this.codes.create(ctx.caller, input)));
  }

  @Query(() => [Promotion], {
    description: 'Admins and managers: discount codes, newest first; activeOnly: those that can still apply (on, not ended, not used up).',
  })
  @StaffOnly(StaffRole.ADMIN, StaffRole.MANAGER)
  async promotions(
    @Ctx() ctx: RequestContext,
    @Args('activeOnly', { type: () => Boolean, nullable: true }) activeOnly?: boolean,
  ): Promise<Promotion[]> {
    return (await this.codes.list(ctx.caller, activeOnly ?? false)).map((p) => Promotion.from(p));
  }

  @Mutation(() => PromotionPayload, {
    description:
      'Admins: end a code, change its usage limit or switch it off (carts holding it lose it at once). Audited as PROMOTION_UPDATED.',
  })
  @StaffOnly(StaffRole.ADMIN)
  promotionUpdate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: PromotionUpdateInput,
  ): Promise<PromotionPayload> {
    return payload('promotion', async () => Promotion.from(await this.codes.update(ctx.caller, id, input)));
  }
}
