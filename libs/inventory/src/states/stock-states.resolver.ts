import { Args, Field, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { payload, UserError } from '@app/common';
import { SafetyStockDefaultInput, StockQuantityInput } from '../dto/stock-quantity.input.js';
import { StockLevelPayload, toStockLevel } from '../models/stock-level.model.js';
import type { StockLevelView } from '../services/stock.service.js';
import { StockStatesService } from './stock-states.service.js';

@ObjectType()
export class SafetyStockDefaultPayload {
  @Field(() => Int, { nullable: true, description: 'Levels that took the new default (those without a safety stock of their own).' })
  levelsChanged: number | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

/** The states of a level on the shop floor: staff of the location (admins anywhere). */
@Resolver()
export class StockStatesResolver {
  constructor(private readonly states: StockStatesService) {}

  @Mutation(() => StockLevelPayload, { description: 'Units found damaged or put aside for inspection: still on hand, no longer for sale.' })
  @StaffOnly()
  stockMarkUnsellable(@Ctx() ctx: RequestContext, @Args('input') input: StockQuantityInput): Promise<StockLevelPayload> {
    return level(() => this.states.markUnsellable(ctx.caller, input));
  }

  @Mutation(() => StockLevelPayload, { description: 'Unsellable units back on sale (inspected and fine).' })
  @StaffOnly()
  stockMarkSellable(@Ctx() ctx: RequestContext, @Args('input') input: StockQuantityInput): Promise<StockLevelPayload> {
    return level(() => this.states.markSellable(ctx.caller, input));
  }

  @Mutation(() => StockLevelPayload, { description: 'Unsellable units leave the location (thrown away, sent back to the supplier).' })
  @StaffOnly()
  stockWriteOff(@Ctx() ctx: RequestContext, @Args('input') input: StockQuantityInput): Promise<StockLevelPayload> {
    return level(() => this.states.writeOff(ctx.caller, input));
  }

  @Mutation(() => StockLevelPayload, {
    description: 'Units of this level kept on the shelf for walk-in shoppers, never promised to an order.',
  })
  @StaffOnly()
  stockSafetySet(@Ctx() ctx: RequestContext, @Args('input') input: StockQuantityInput): Promise<StockLevelPayload> {
    return level(() => this.states.setSafetyStock(ctx.caller, input));
  }

  @Mutation(() => SafetyStockDefaultPayload, {
    description: "Managers of the location (or admins): the safety stock of a category's levels there that have none of their own.",
  })
  @StaffOnly()
  stockSafetyDefaultSet(@Ctx() ctx: RequestContext, @Args('input') input: SafetyStockDefaultInput): Promise<SafetyStockDefaultPayload> {
    return payload('levelsChanged', () => this.states.setSafetyDefault(ctx.caller, input));
  }
}

const level = (run: () => Promise<StockLevelView>) => payload('stockLevel', async () => toStockLevel(await run()));
