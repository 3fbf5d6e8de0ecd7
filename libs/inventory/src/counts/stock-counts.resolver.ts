import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { notFound, pageSize, payload, StockDerived, validateEach } from '@app/common';
import { Location, LocationsService, toLocation } from '@app/locations';
import { StockCount, StockCountLine, StockCountLineInput, StockCountPayload, StockCountStartInput } from './stock-count.model.js';
import { StockCountsService } from './stock-counts.service.js';

@Resolver(() => StockCount)
export class StockCountsResolver {
  constructor(
    private readonly counts: StockCountsService,
    private readonly locations: LocationsService,
  ) {}

  @Query(() => StockCount, { nullable: true, description: 'Staff of its location (or admins): one count.' })
  @StaffOnly()
  @StockDerived()
  stockCount(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<StockCount | null> {
    return this.counts.find(ctx.caller, id);
  }

  @Mutation(() => StockCountPayload, {
    description: 'Staff of the location: a count of these SKUs (none: every SKU it has a level of); expected is on hand now.',
  })
  @StaffOnly()
  stockCountStart(@Ctx() ctx: RequestContext, @Args('input') input: StockCountStartInput): Promise<StockCountPayload> {
    return payload('stockCount', () => this.counts.start(ctx.caller, input.locationId, input.skus));
  }

  @Mutation(() => StockCountPayload, {
    description: 'Staff of the location: counted units by SKU, a page at a time (at most 500 per call).',
  })
  @StaffOnly()
  stockCountRecord(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('lines', { type: () => [StockCountLineInput] }, validateEach(StockCountLineInput)) lines: StockCountLineInput[],
  ): Promise<StockCountPayload> {
    return payload('stockCount', () => this.counts.record(ctx.caller, id, lines));
  }

  @Mutation(() => StockCountPayload, {
    description:
      'Staff of the location: each counted line moves on hand by counted - expected (movement COUNT), on top of what moved while counting; held units not found go to the shortage flow.',
  })
  @StaffOnly()
  stockCountApply(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<StockCountPayload> {
    return payload('stockCount', () => this.counts.apply(ctx.caller, id));
  }

  @Mutation(() => StockCountPayload, { description: 'Staff of the location: an open count is dropped; nothing moves.' })
  @StaffOnly()
  stockCountCancel(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<StockCountPayload> {
    return payload('stockCount', () => this.counts.cancel(ctx.caller, id));
  }

  @ResolveField(() => Location)
  async location(@Parent() c: StockCount, @Ctx() ctx: RequestContext): Promise<Location> {
    const l = await this.locations.load(ctx, c.locationId);
    if (!l) throw notFound('Location');
    return toLocation(l);
  }

  @ResolveField(() => [StockCountLine], {
    description: 'Its lines by SKU, a page at a time (first: 1 to 100, default 100; after: the last SKU seen).',
  })
  lines(
    @Parent() c: StockCount,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('uncountedOnly', { type: () => Boolean, nullable: true }) uncountedOnly: boolean | null,
  ): Promise<StockCountLine[]> {
    return this.counts.lines(c.id, pageSize(first ?? 100), after ?? null, uncountedOnly ?? false);
  }
}
