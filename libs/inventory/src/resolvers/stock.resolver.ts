import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { payload, StockDerived } from '@app/common';
import { StockAdjustInput } from '../dto/stock-adjust.input.js';
import { StockLevel, StockLevelPayload, toStockLevel } from '../models/stock-level.model.js';
import { StockMovementConnection } from '../models/stock-movement.model.js';
import { StockLevelConnection, StockLevelFilter } from '../models/stock-levels.model.js';
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

  @Query(() => StockLevelConnection, {
    description: 'Staff of the location (or admins): its levels by SKU with their states, a page at a time (first: 1 to 100).',
  })
  @StaffOnly()
  @StockDerived()
  async stockLevels(
    @Ctx() ctx: RequestContext,
    @Args('locationId', { type: () => ID }) locationId: string,
    @Args('filter', { type: () => StockLevelFilter, nullable: true }) filter: StockLevelFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<StockLevelConnection> {
    const page = await this.stock.levels(ctx.caller, locationId, filter ?? {}, first ?? 50, after ?? undefined);
    return {
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: toStockLevel(r.level) })),
    };
  }

  @Query(() => StockMovementConnection, {
    description: 'Staff of the location (or admins): the ledger of a SKU there, newest first (first: 1 to 100).',
  })
  @StaffOnly()
  @StockDerived()
  async stockMovements(
    @Ctx() ctx: RequestContext,
    @Args('locationId', { type: () => ID }) locationId: string,
    @Args('sku', { type: () => String }) sku: string,
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<StockMovementConnection> {
    const page = await this.stock.movements(ctx.caller, locationId, sku, first, after ?? undefined);
    return {
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: r.movement })),
    };
  }

  @Mutation(() => StockLevelPayload, { description: 'Staff at the location (or admin): add or remove units, recorded in the ledger.' })
  @StaffOnly()
  stockAdjust(@Ctx() ctx: RequestContext, @Args('input') input: StockAdjustInput): Promise<StockLevelPayload> {
    return payload('stockLevel', async () => toStockLevel(await this.stock.adjust(ctx.caller, input)));
  }
}
