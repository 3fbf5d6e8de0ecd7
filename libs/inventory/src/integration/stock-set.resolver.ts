import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly, StaffRole } from '@app/auth';
import { payload } from '@app/common';
import { StockSetInput, StockSetPayload } from './stock-set.model.js';
import { StockSetService } from './stock-set.service.js';

@Resolver()
export class StockSetResolver {
  constructor(private readonly service: StockSetService) {}

  @Mutation(() => StockSetPayload, {
    description:
      "Admins (the retailer's systems): absolute on-hand quantities at a location, all or nothing, guarded by compareOnHand, never below what is held; the same key applies once.",
  })
  @StaffOnly(StaffRole.ADMIN)
  stockSet(@Ctx() ctx: RequestContext, @Args('input') input: StockSetInput): Promise<StockSetPayload> {
    return payload('results', () => this.service.set(ctx.caller, input));
  }
}
