import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { StaffOnly, StaffRole } from '@app/auth';
import { payload } from '@app/common';
import { PromotionCreateInput } from '../dto/promotion-create.input.js';
import { Promotion, PromotionPayload } from '../models/promotion.model.js';
import { PromotionsService } from '../services/promotions.service.js';

@Resolver(() => Promotion)
export class PromotionsResolver {
  constructor(private readonly promotions: PromotionsService) {}

  @Mutation(() => PromotionPayload, { description: 'Admins: a new discount code.' })
  @StaffOnly(StaffRole.ADMIN)
  promotionCreate(@Args('input') input: PromotionCreateInput): Promise<PromotionPayload> {
    return payload('promotion', async () => Promotion.from(await this.promotions.create(input)));
  }
}
