import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly, StaffRole } from '@app/auth';
import { payload } from '@app/common';
import { LocationCreateInput } from '../dto/location-create.input.js';
import { LocationUpdateInput } from '../dto/location-update.input.js';
import { toLocation } from '../models/location.mapper.js';
import { Location, LocationTypeEnum } from '../models/location.model.js';
import { LocationPayload } from '../models/location.payload.js';
import { LocationsService } from '../services/locations.service.js';

@Resolver(() => Location)
export class LocationsResolver {
  constructor(private readonly service: LocationsService) {}

  @Query(() => Location, { nullable: true })
  async location(@Args('id', { type: () => ID }) id: string): Promise<Location | null> {
    const l = await this.service.find(id);
    return l && toLocation(l);
  }

  @Query(() => [Location], { description: 'Every location, by name; filter by type to list stores.' })
  async locations(@Args('type', { type: () => LocationTypeEnum, nullable: true }) type?: LocationTypeEnum): Promise<Location[]> {
    return (await this.service.list(type)).map(toLocation);
  }

  @Mutation(() => LocationPayload)
  @StaffOnly(StaffRole.ADMIN)
  locationCreate(@Ctx() ctx: RequestContext, @Args('input') input: LocationCreateInput): Promise<LocationPayload> {
    return payload('location', async () => toLocation(await this.service.create(ctx.caller, input)));
  }

  @Mutation(() => LocationPayload, {
    description: 'Admins: change a location (omitted fields stay). Audited as LOCATION_UPDATED with the changed fields before and after.',
  })
  @StaffOnly(StaffRole.ADMIN)
  locationUpdate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: LocationUpdateInput,
  ): Promise<LocationPayload> {
    return payload('location', async () => toLocation(await this.service.update(ctx.caller, id, input)));
  }
}
