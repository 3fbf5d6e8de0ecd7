import {
  Args,
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { CatalogueService } from '@app/catalogue';
import { badInput, haversineKm, notFound, payload, StockDerived } from '@app/common';
import { AppConfig } from '@app/config';
import { formatIsoDuration, LeadTimes, Location, LocationsService, toLocation } from '@app/locations';
import { AssistedOrderInput } from '../dto/assisted-order.input.js';
import { Order, OrderPayload } from '../models/order.model.js';
import { AssistedOrderService } from '../services/assisted-order.service.js';

import { SourcingService } from '../sourcing/sourcing.service.js';

@ObjectType({ description: "A location that can send the quantity now, best first by the checkout's sourcing rule." })
export class SourcingOption {
  @Field(() => Location) location: Location;
  @Field(() => Int) available: number;
  @Field(() => Float, { description: 'To the destination, as the crow flies.' }) distanceKm: number;
  @Field(() => String, { description: 'ISO-8601 duration, e.g. PT30H.' }) leadTime: string;
  @Field(() => GraphQLISODateTime) estimatedArrival: Date;
  locationId: string;
}

const MAX_QUANTITY = 1000;

@Resolver(() => SourcingOption)
export class EndlessAisleResolver {
  private readonly leadTimes: LeadTimes;

  constructor(
    private readonly sourcing: SourcingService,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
    private readonly assisted: AssistedOrderService,
    config: AppConfig,
  ) {
    this.leadTimes = new LeadTimes(config.get('LEAD_TIME_BASE_HOURS'), config.get('LEAD_TIME_HOURS_PER_100_KM'), config.get('LEAD_TIMES'));
  }

  @Query(() => [SourcingOption], { description: 'Staff: the other locations that can supply `quantity` of a SKU to a destination now.' })
  @StaffOnly()
  @StockDerived() // what each location has of the SKU
  async sourcingOptions(
    @Args('sku', { type: () => String }) sku: string,
    @Args('quantity', { type: () => Int }) quantity: number,
    @Args('destinationLocationId', { type: () => ID }) destinationLocationId: string,
  ): Promise<SourcingOption[]> {
    if (quantity < 1 || quantity > MAX_QUANTITY) throw badInput(`quantity must be 1 to ${MAX_QUANTITY}`, ['quantity']);
    const [variant, destination] = await Promise.all([this.catalogue.findVariantBySku(sku), this.locations.find(destinationLocationId)]);
    if (!variant) throw notFound(`Variant ${sku}`);
    if (!destination) throw notFound('Location');
    const candidates = (await this.sourcing.candidates([variant.id])).filter((c) => c.locationId !== destination.id);
    const now = Date.now();
    return this.sourcing.strategy.rank(candidates, variant.id, quantity, destination).map((c) => {
      const distanceKm = Math.round(haversineKm(destination.lat, destination.lng, c.lat, c.lng) * 10) / 10;
      const hours = this.leadTimes.hours(c.code, destination.code, distanceKm);
      return Object.assign(new SourcingOption(), {
        locationId: c.locationId,
        available: c.available.get(variant.id) ?? 0,
        distanceKm,
        leadTime: formatIsoDuration(hours * 3600),
        estimatedArrival: new Date(now + hours * 3600e3),
      });
    });
  }

  @Mutation(() => OrderPayload, {
    description: "Staff: an order placed from the shop floor for a customer, counted for the staff member's store (channel STORE).",
  })
  @StaffOnly()
  assistedOrderCreate(@Ctx() ctx: RequestContext, @Args('input') input: AssistedOrderInput): Promise<OrderPayload> {
    return payload('order', async () => Order.from((await this.assisted.create(ctx, input)).order));
  }

  @ResolveField(() => Location)
  async location(@Parent() o: SourcingOption, @Ctx() ctx: RequestContext): Promise<Location> {
    const l = await this.locations.load(ctx, o.locationId);
    if (!l) throw notFound('Location');
    return toLocation(l);
  }
}
