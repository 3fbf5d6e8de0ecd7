import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { CatalogueService, ProductVariant, toVariant } from '@app/catalogue';
import { notFound, pageSize, payload, validateEach } from '@app/common';
import { Location, LocationsService, toLocation } from '@app/locations';
import { Transfer, TransferCreateInput, TransferLine, TransferLineInput, TransferPayload, TransferStatus } from './transfer.model.js';
import { TransfersService } from './transfers.service.js';

@Resolver(() => Transfer)
export class TransfersResolver {
  constructor(
    private readonly service: TransfersService,
    private readonly locations: LocationsService,
  ) {}

  @Query(() => [Transfer], {
    description: 'Staff of the location (or admins): transfers from or to it, newest first (first: 1 to 100, default 50).',
  })
  @StaffOnly()
  transfers(
    @Ctx() ctx: RequestContext,
    @Args('locationId', { type: () => ID }) locationId: string,
    @Args('status', { type: () => TransferStatus, nullable: true }) status: TransferStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ): Promise<Transfer[]> {
    return this.service.list(ctx.caller, locationId, status ?? null, pageSize(first ?? 50));
  }

  @Query(() => Transfer, { nullable: true, description: 'Staff of either end (or admins): one transfer.' })
  @StaffOnly()
  transfer(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Transfer | null> {
    return this.service.find(ctx.caller, id);
  }

  @Mutation(() => TransferPayload, {
    description: 'Staff of either end (or admins): request units from one location for another; held at the source.',
  })
  @StaffOnly()
  transferCreate(@Ctx() ctx: RequestContext, @Args('input') input: TransferCreateInput): Promise<TransferPayload> {
    return payload('transfer', () => this.service.create(ctx.caller, input));
  }

  @Mutation(() => TransferPayload, { description: 'Staff of the source: the units leave, incoming at the destination.' })
  @StaffOnly()
  transferShip(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<TransferPayload> {
    return payload('transfer', () => this.service.ship(ctx.caller, id));
  }

  @Mutation(() => TransferPayload, {
    description: 'Staff of the destination: what arrived, by SKU (a SKU left out did not arrive); the rest is recorded as lost in transit.',
  })
  @StaffOnly()
  transferReceive(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('lines', { type: () => [TransferLineInput] }, validateEach(TransferLineInput)) lines: TransferLineInput[],
  ): Promise<TransferPayload> {
    return payload('transfer', () => this.service.receive(ctx.caller, id, lines));
  }

  @Mutation(() => TransferPayload, { description: 'Staff of either end, before it ships: the hold at the source is released.' })
  @StaffOnly()
  transferCancel(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<TransferPayload> {
    return payload('transfer', () => this.service.cancel(ctx.caller, id));
  }

  @ResolveField(() => Location)
  async from(@Parent() t: Transfer, @Ctx() ctx: RequestContext): Promise<Location> {
    const l = await this.locations.load(ctx, t.fromLocationId);
    if (!l) throw notFound('Location');
    return toLocation(l);
  }

  @ResolveField(() => Location)
  async to(@Parent() t: Transfer, @Ctx() ctx: RequestContext): Promise<Location> {
    const l = await this.locations.load(ctx, t.toLocationId);
    if (!l) throw notFound('Location');
    return toLocation(l);
  }
}

@Resolver(() => TransferLine)
export class TransferLineResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @ResolveField(() => ProductVariant)
  async variant(@Parent() l: TransferLine, @Ctx() ctx: RequestContext): Promise<ProductVariant> {
    const v = await this.catalogue.loadVariant(ctx, l.variantId);
    if (!v) throw notFound('Variant');
    return toVariant(v);
  }
}
