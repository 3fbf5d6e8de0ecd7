import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly, StaffRole } from '@app/auth';
import { badInput, FulfillmentType, notFound, payload } from '@app/common';
import { CatalogueService, ProductVariant, toVariant } from '@app/catalogue';
import { Location, LocationsService, toLocation } from '@app/locations';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CollectLineInput } from '../dto/collect-line.input.js';
import { Fulfillment, FulfillmentPayload, Order } from '../models/order.model.js';
import { FulfillmentAction } from '../services/fulfillment-state-machine.js';
import { FulfillmentTransitions } from '../services/fulfillment-transitions.service.js';
import { OrderQueries } from '../services/order-queries.service.js';

@ObjectType()
export class FulfillmentLine {
  @Field(() => String) sku: string;
  @Field(() => Int) quantity: number;
  @Field(() => Int, { nullable: true, description: 'Units the customer took; null until the fulfilment is collected.' })
  collected: number | null;
  variantId: string;
}

@Resolver(() => Fulfillment)
export class FulfillmentResolver {
  constructor(
    private readonly transitions: FulfillmentTransitions,
    private readonly queries: OrderQueries,
    private readonly locations: LocationsService,
  ) {}

  @Query(() => [Fulfillment], { description: 'Staff: the pickups a store has to prepare, receive or hand over, oldest first.' })
  @StaffOnly()
  async pickupQueue(@Ctx() ctx: RequestContext, @Args('locationId', { type: () => ID }) locationId: string): Promise<Fulfillment[]> {
    return (await this.queries.pickupQueue(ctx, locationId)).map((f) => Fulfillment.from(f));
  }

  @Mutation(() => FulfillmentPayload, { description: 'Pickup store staff: the order is prepared and waits for its customer.' })
  @StaffOnly()
  fulfillmentMarkReady(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<FulfillmentPayload> {
    return this.act(ctx, id, FulfillmentAction.MARK_READY);
  }

  @Mutation(() => FulfillmentPayload, { description: 'Source staff: the goods leave (to the pickup store, or to the customer).' })
  @StaffOnly()
  fulfillmentShip(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<FulfillmentPayload> {
    return this.act(ctx, id, FulfillmentAction.SHIP);
  }

  @Mutation(() => FulfillmentPayload, { description: 'Pickup store staff: a transfer arrived and waits for its customer.' })
  @StaffOnly()
  fulfillmentReceive(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<FulfillmentPayload> {
    return this.act(ctx, id, FulfillmentAction.RECEIVE);
  }

  @Mutation(() => FulfillmentPayload, { description: 'Source staff: a home delivery arrived.' })
  @StaffOnly()
  fulfillmentMarkDelivered(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<FulfillmentPayload> {
    return this.act(ctx, id, FulfillmentAction.MARK_DELIVERED);
  }

  @Mutation(() => FulfillmentPayload, { description: 'Pickup store staff hand the goods over against the code the customer shows.' })
  @StaffOnly()
  fulfillmentCollect(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('pickupCode', { type: () => String }) pickupCode: string,
  ): Promise<FulfillmentPayload> {
    if (pickupCode.length > 32) throw badInput('pickupCode is at most 32 characters', ['pickupCode']);
    return payload('fulfillment', async () => Fulfillment.from(await this.transitions.collect(ctx, id, pickupCode)));
  }

  @Mutation(() => FulfillmentPayload, {
    description:
      'Pickup store staff, against the code: the customer tried on and takes only the listed units; the rest go back on sale and are not paid for.',
  })
  @StaffOnly()
  fulfillmentCollectPartial(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('pickupCode', { type: () => String }) pickupCode: string,
    @Args('lines', { type: () => [CollectLineInput] }) lines: CollectLineInput[],
  ): Promise<FulfillmentPayload> {
    if (pickupCode.length > 32) throw badInput('pickupCode is at most 32 characters', ['pickupCode']);
    if (lines.length > 100) throw badInput('lines: at most 100', ['lines']);
    return payload('fulfillment', async () => Fulfillment.from(await this.transitions.collect(ctx, id, pickupCode, lines)));
  }

  @Mutation(() => FulfillmentPayload, {
    description: "A manager of the pickup store (or an admin), after checking the customer's identity: clears the lock set by wrong codes.",
  })
  @StaffOnly(StaffRole.MANAGER, StaffRole.ADMIN)
  pickupUnlock(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<FulfillmentPayload> {
    return payload('fulfillment', async () => Fulfillment.from(await this.transitions.unlock(ctx, id)));
  }

  private act(ctx: RequestContext, id: string, action: FulfillmentAction): Promise<FulfillmentPayload> {
    return payload('fulfillment', async () => Fulfillment.from(await this.transitions.act(ctx, id, action)));
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for the customer who placed the order; never for staff.' })
  async pickupCode(@Parent() f: Fulfillment, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (f.type === FulfillmentType.DELIVERY || ctx.caller.kind === 'staff') return null;
    return f.shownCode ?? this.queries.pickupCodeFor(ctx, f);
  }

  @ResolveField(() => Boolean, {
    description: 'Too many wrong codes: every code is refused until a manager of the pickup store unlocks it (pickupUnlock).',
  })
  pickupLocked(@Parent() f: Fulfillment): boolean {
    return this.transitions.isLocked(f);
  }

  @ResolveField(() => Location, { nullable: true, description: 'Where the goods come from.' })
  async sourceLocation(@Parent() f: Fulfillment, @Ctx() ctx: RequestContext): Promise<Location | null> {
    const l = await this.locations.load(ctx, f.sourceLocationId);
    return l && toLocation(l);
  }

  @ResolveField(() => Location, { nullable: true, description: 'Where the customer collects (PICKUP, SHIP_TO_STORE).' })
  async pickupLocation(@Parent() f: Fulfillment, @Ctx() ctx: RequestContext): Promise<Location | null> {
    const l = f.pickupLocationId ? await this.locations.load(ctx, f.pickupLocationId) : null;
    return l && toLocation(l);
  }

  @ResolveField(() => [FulfillmentLine])
  async lines(@Parent() f: Fulfillment, @Ctx() ctx: RequestContext): Promise<FulfillmentLine[]> {
    return (await this.queries.linesOfFulfillment(ctx, f.id)).map((l) =>
      Object.assign(new FulfillmentLine(), { sku: l.sku, quantity: l.quantity, collected: l.collected, variantId: l.variantId }),
    );
  }

  @ResolveField(() => Order)
  async order(@Parent() f: Fulfillment, @Ctx() ctx: RequestContext): Promise<Order> {
    const o = await this.queries.loadOrder(ctx, f.orderId);
    if (!o) throw notFound('Order');
    return Order.from(o);
  }
}

@Resolver(() => FulfillmentLine)
export class FulfillmentLineResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @ResolveField(() => ProductVariant)
  async variant(@Parent() l: FulfillmentLine, @Ctx() ctx: RequestContext): Promise<ProductVariant> {
    const v = await this.catalogue.loadVariant(ctx, l.variantId);
    if (!v) throw notFound('Variant');
    return toVariant(v);
  }
}
