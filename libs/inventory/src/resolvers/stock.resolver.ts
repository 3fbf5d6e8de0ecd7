import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { payload, StockDerived } from '@app/common';
import { StockAdjustInput } from '../dto/stock-adjust.input.js';
import { StockLevel, StockLevelPayload, toStockLevel } from '../models/stock-level.model.js';
import { StockService } from '../services/stock.service.js';

@Resolver(() => StockLevel)
export class StockResolver {
  constructor(private readonly stock: StockService) {}

  @Query(() => StockLevel, { nullable: true, description: 'Staff: the stock of a SKU at a location.' })
  @StaffOnly()
  @StockDerived()
  async stockLevel(
    @Ctx() ctx: RequestContext,
    @Args('locationId', { type: () => ID }) locationId: string,
    @Args('sku', { type: () => String }) sku: string,
  ): Promise<StockLevel> {
    return toStockLevel(await this.stock.level(ctx.caller, locationId, sku));
  }

  @Mutation(() => StockLevelPayload, { description: 'Staff at the location (or admin): add or remove units, recorded in the ledger.' })
  @StaffOnly()
  stockAdjust(@Ctx() ctx: RequestContext, @Args('input') input: StockAdjustInput): Promise<StockLevelPayload> {
    return payload('stockLevel', async () => toStockLevel(await this.stock.adjust(ctx.caller, input)));
  }
}
